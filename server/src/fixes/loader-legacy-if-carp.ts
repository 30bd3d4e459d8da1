import type { LoaderDocument } from '../model/document';
import type { LoaderSetting } from '../parsers/loaderconf';
import { moduleLoads } from '../parsers/loaderconf';
import { setValueEdit } from './loader-load-value';
import { removeLineFix, replaceEdit } from './loader-sysctl-edits';
import type { FixProposal } from './types';

/**
 * Fix for `loader/legacy-if-carp`. The minimal edit renames `if_carp_load`
 * to `carp_load`; a value that meant yes but does not load ("1", "true") is
 * set to YES as well, since the writer wanted CARP loaded. When the node
 * already sets carp_load (`existing`, a "file:line" place), the legacy line is
 * dead weight and is deleted instead, so the two cannot disagree.
 */
export function legacyIfCarpFix(doc: LoaderDocument, setting: LoaderSetting, existing: string | undefined): FixProposal {
  if (existing !== undefined) {
    return removeLineFix(doc, setting.start, `Remove the if_carp_load line (carp_load is already set at ${existing})`);
  }
  const edits = [replaceEdit(doc, setting.nameStart, setting.nameEnd, 'carp_load')];
  if (!moduleLoads(setting.value)) edits.push(setValueEdit(doc, setting, 'YES'));
  const value = moduleLoads(setting.value) ? setting.value : 'YES';
  return { title: `Replace with carp_load="${value}"`, isPreferred: true, changes: [{ uri: doc.uri, edits }] };
}
