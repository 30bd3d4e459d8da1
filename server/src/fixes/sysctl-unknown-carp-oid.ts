import type { SysctlDocument } from '../model/document';
import type { Setting } from '../parsers/syntax';
import { removeLineFix, replaceEdit } from './loader-sysctl-edits';
import type { FixProposal } from './types';

/**
 * Fixes for `sysctl/unknown-carp-oid`: renaming the last component when it
 * is a likely typo of a real CARP sysctl (preferred), and always deleting
 * the line, which changes nothing at boot since sysctl cannot set it.
 */
export function unknownCarpOidFixes(doc: SysctlDocument, setting: Setting, suggestion: string | undefined): FixProposal[] {
  const fixes: FixProposal[] = [];
  if (suggestion !== undefined) {
    const leafStart = setting.nameStart + setting.name.lastIndexOf('.') + 1;
    const newName = setting.name.slice(0, leafStart - setting.nameStart) + suggestion;
    fixes.push({
      title: `Change to ${newName}`,
      isPreferred: true,
      changes: [{ uri: doc.uri, edits: [replaceEdit(doc, leafStart, setting.nameEnd, suggestion)] }],
    });
  }
  fixes.push(removeLineFix(doc, setting.start, `Remove the ${setting.name} line`, suggestion === undefined));
  return fixes;
}
