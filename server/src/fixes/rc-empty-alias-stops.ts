import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import { removeStatementEdit } from './rc-edits';
import type { FixProposal } from './types';

/** Fix for `rc/empty-alias-stops`: delete the empty alias so network.subr goes on to the higher ones. */
export function removeEmptyAliasFix(doc: RcDocument, a: RcAssignment): FixProposal {
  return {
    title: `Remove the empty ${a.name}`,
    isPreferred: true,
    changes: [{ uri: doc.uri, edits: [removeStatementEdit(doc, a.start, a.end)] }],
  };
}
