import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';
import { replaceValueEdit } from './rc-edits';
import type { FixProposal } from './types';

/**
 * What a value rc rejects was probably meant to say ("yes please" → YES,
 * "nope" → NO), to mark the matching fix as preferred; undefined when unclear.
 */
export function yesNoIntent(value: string): 'YES' | 'NO' | undefined {
  const v = value.trim().toLowerCase();
  if (/^(y|t|on\b|enable|1)/.test(v)) return 'YES';
  if (/^(n|f|off\b|disable|0)/.test(v)) return 'NO';
  return undefined;
}

/** Fix for `rc/invalid-yes-no`: set the knob to YES or NO, keeping its quotes. */
export function setYesNoFix(doc: RcDocument, a: RcAssignment, target: 'YES' | 'NO', isPreferred: boolean): FixProposal {
  return { title: `Set ${a.name} to ${target}`, isPreferred, changes: [{ uri: doc.uri, edits: [replaceValueEdit(doc, a, target)] }] };
}
