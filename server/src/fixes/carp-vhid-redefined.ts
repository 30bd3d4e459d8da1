import type { ParsedDocument } from '../model/document';
import type { IfWord } from '../model/ifconfig-value';
import { replaceWordEdit } from './carp-vhid-edits';
import type { FixProposal } from './types';

/**
 * Fix for carp/vhid-redefined: write the value in force on the overridden
 * line, so both lines say what the kernel ends up with. `shown` names the
 * value in the title (never a pass: the caller passes the line's name).
 */
export function agreeWithInForceFix(doc: ParsedDocument, word: IfWord, value: string, shown: string): FixProposal | undefined {
  const edit = replaceWordEdit(doc, word, value);
  return edit ? { title: `Use ${shown} on this line`, isPreferred: true, changes: [{ uri: doc.uri, edits: [edit] }] } : undefined;
}
