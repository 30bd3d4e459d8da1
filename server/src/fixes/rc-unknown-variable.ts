import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import { removeStatementEdit } from './rc-edits';
import type { FixProposal } from './types';

/**
 * Fixes for `rc/unknown-variable` (`sshd_enabel` meant as `sshd_enable`).
 * When the file does not set the intended knob, the fix renames the
 * variable. When it already does, a rename would only trade the typo for
 * rc/duplicate-assignment, so the fixes say what the admin must choose:
 * drop the misspelt line (the knob keeps the value already set), or keep the
 * misspelt line's value under the right name and drop the other assignment.
 */
export function unknownVariableFixes(doc: RcDocument, a: RcAssignment, suggestion: string): FixProposal[] {
  const rename = { range: doc.lines.range(a.nameStart, a.nameEnd), newText: suggestion };
  const others = doc.rc.assignments.filter((x) => x.name === suggestion && !x.conditional);
  if (others.length === 0 || a.conditional) {
    return [{ title: `Change ${a.name} to ${suggestion}`, isPreferred: true, changes: [{ uri: doc.uri, edits: [rename] }] }];
  }
  const lines = others.map((x) => doc.lines.positionAt(x.start).line + 1).join(', ');
  return [
    {
      title: `Remove this line (${suggestion} is already set on line ${lines})`,
      isPreferred: true,
      changes: [{ uri: doc.uri, edits: [removeStatementEdit(doc, a.start, a.end)] }],
    },
    {
      title: `Change ${a.name} to ${suggestion} and remove the ${suggestion} assignment on line ${lines}`,
      changes: [{ uri: doc.uri, edits: [rename, ...others.map((x) => removeStatementEdit(doc, x.start, x.end))] }],
    },
  ];
}
