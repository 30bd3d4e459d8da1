import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import type { FixProposal } from './types';

/** Fix for `rc/unknown-variable`: rename the variable to the knob it was probably meant to be. */
export function renameKnobFix(doc: RcDocument, a: RcAssignment, suggestion: string): FixProposal {
  return {
    title: `Change ${a.name} to ${suggestion}`,
    isPreferred: true,
    changes: [{ uri: doc.uri, edits: [{ range: doc.lines.range(a.nameStart, a.nameEnd), newText: suggestion }] }],
  };
}
