import type { PfDocument } from '../model/document';
import type { PfMacroDef } from '../parsers/pf';
import { removeStatement } from './pf-edits';
import type { FixProposal } from './types';

/**
 * "Remove the unused macro NAME": deletes the definition's lines with their
 * line break (all of them when the definition is continued with `\`).
 * Undefined when something else shares those lines.
 */
export function removeMacroFix(doc: PfDocument, def: PfMacroDef): FixProposal | undefined {
  const edit = removeStatement(doc, def);
  if (!edit) return undefined;
  return { title: `Remove the unused macro ${def.name}`, isPreferred: true, changes: [{ uri: doc.uri, edits: [edit] }] };
}
