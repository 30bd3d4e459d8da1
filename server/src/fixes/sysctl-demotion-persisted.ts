import type { SysctlDocument } from '../model/document';
import type { Setting } from '../parsers/syntax';
import { removeLineFix } from './loader-sysctl-edits';
import type { FixProposal } from './types';

/**
 * Fix for `sysctl/demotion-persisted`: delete the line. A write to
 * net.inet.carp.demotion adjusts the running counter, which only makes sense
 * as a one-off command (or from a devd/health-check script), never at boot.
 */
export function demotionPersistedFix(doc: SysctlDocument, setting: Setting): FixProposal {
  return removeLineFix(doc, setting.start, 'Remove the net.inet.carp.demotion line');
}
