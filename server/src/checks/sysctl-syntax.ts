import { findingAt } from './finding';
import type { Check } from './types';

/**
 * `sysctl/syntax`: lines `sysctl -f` cannot apply (no `=`, an impossible OID
 * name, an unclosed quote). At boot rc.d/sysctl runs with -i and hides most
 * of these, so the setting is lost without a word.
 */
export const sysctlSyntax: Check = {
  code: 'sysctl/syntax',
  kinds: ['sysctl'],
  run({ doc }) {
    if (doc.kind !== 'sysctl') return [];
    return doc.sysctl.errors.map((e) => findingAt(doc, 'sysctl/syntax', e.start, e.end, e.message));
  },
};
