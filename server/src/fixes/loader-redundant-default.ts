import type { LoaderDocument } from '../model/document';
import type { LoaderSetting } from '../parsers/loaderconf';
import { removeLineFix } from './loader-sysctl-edits';
import type { FixProposal } from './types';

/** Fix for `loader/redundant-default`: delete the line; the loader behaves the same without it. */
export function redundantDefaultFix(doc: LoaderDocument, setting: LoaderSetting): FixProposal {
  return removeLineFix(doc, setting.start, `Remove ${setting.name} (it equals the default)`);
}
