import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import { removeStatementEdit } from './rc-edits';
import type { FixProposal } from './types';

/** Fix for `rc/duplicate-assignment`: delete the earlier, dead assignment (its line when it stands alone). */
export function removeDeadAssignmentFix(doc: RcDocument, dead: RcAssignment): FixProposal {
  const line = doc.lines.positionAt(dead.start).line + 1;
  return {
    title: `Remove the earlier ${dead.name} assignment (line ${line}), which is never used`,
    isPreferred: true,
    changes: [{ uri: doc.uri, edits: [removeStatementEdit(doc, dead.start, dead.end)] }],
  };
}
