import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import { insertInValueEdit } from './rc-edits';
import type { FixProposal } from './types';

/**
 * Fix for `rc/alias-missing-family`: put the address family keyword in front
 * of the first word (value index `index`). Undefined when the value is
 * written in a way an insertion cannot safely edit.
 */
export function addFamilyFix(doc: RcDocument, a: RcAssignment, index: number, family: 'inet' | 'inet6'): FixProposal | undefined {
  const edit = insertInValueEdit(doc, a, index, `${family} `);
  if (!edit) return undefined;
  return { title: `Add "${family}" in front of the address`, isPreferred: true, changes: [{ uri: doc.uri, edits: [edit] }] };
}
