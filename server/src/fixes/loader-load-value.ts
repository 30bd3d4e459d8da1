import type { LoaderDocument } from '../model/document';
import type { LoaderSetting } from '../parsers/loaderconf';
import { removeLineFix, replaceEdit } from './loader-sysctl-edits';
import type { FixProposal } from './types';

/** What a `*_load` value was probably meant to say; decides which fix is preferred. */
export type LoadIntent = 'yes' | 'no' | 'unknown';

/** Reads the writer's intent from the usual spellings of on and off ("1", "true", "off", ...). */
export function loadIntent(value: string): LoadIntent {
  if (/^(yes|y|1|true|on|enable|enabled)$/i.test(value)) return 'yes';
  if (/^(no|n|0|false|off|disable|disabled|none|)$/i.test(value)) return 'no';
  return 'unknown';
}

/** The edit that makes a setting's value `target`, keeping its quotes or adding them. */
export function setValueEdit(doc: LoaderDocument, setting: LoaderSetting, target: string): ReturnType<typeof replaceEdit> {
  return setting.quoted
    ? replaceEdit(doc, setting.valueStart + 1, setting.valueEnd - 1, target)
    : replaceEdit(doc, setting.valueStart, setting.valueEnd, `"${target}"`);
}

/**
 * Fix for `loader/load-value`: write YES or NO. When that value is what the
 * loader does anyway and no other line sets the knob, the line is removed
 * instead, since a line equal to the default would only be flagged next.
 */
export function loadValueFix(
  doc: LoaderDocument,
  setting: LoaderSetting,
  target: 'YES' | 'NO',
  isDefault: boolean,
  isPreferred: boolean,
): FixProposal {
  if (isDefault) {
    const why = target === 'NO' ? `${setting.module ?? 'the module'} is not loaded by default` : `${setting.name} is YES by default`;
    return removeLineFix(doc, setting.start, `Remove the line (${why})`, isPreferred);
  }
  return { title: `Set ${setting.name} to "${target}"`, isPreferred, changes: [{ uri: doc.uri, edits: [setValueEdit(doc, setting, target)] }] };
}
