import { addFamilyFix } from '../fixes/rc-alias-missing-family';
import { findingAt } from './finding';
import { hasExpansion, isRcDefaults, parseAliasName } from './rc-node-settings';
import type { Check, Finding } from './types';

const FAMILIES = new Set(['inet', 'inet6', 'link', 'ether']);

/**
 * `rc/alias-missing-family`: an alias value that does not start with inet,
 * inet6, link or ether. For `ifconfig_<if>_aliasN` network.subr assumes inet
 * and warns "needs leading inet keyword" at every boot (and an IPv6 address
 * then fails); in `ifconfig_<if>_aliases` the list is split at those
 * keywords, so words before the first one are silently dropped.
 */
export const rcAliasMissingFamily: Check = {
  code: 'rc/alias-missing-family',
  kinds: ['rc'],
  run({ doc }) {
    if (doc.kind !== 'rc' || isRcDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const a of doc.rc.assignments) {
      const list = /^ifconfig_(.+)_aliases$/.exec(a.name);
      if ((!list && !parseAliasName(a.name)) || hasExpansion(a)) continue;
      const m = /^\s*(\S+)/.exec(a.value);
      if (!m || FAMILIES.has(m[1].toLowerCase())) continue;
      const word = m[1];
      const index = m[0].length - word.length;
      const family = /^[0-9a-f]*:[0-9a-f:.]*(\/[0-9]+)?$/i.test(word) && word.includes(':') ? 'inet6' : 'inet';
      const message = list
        ? `"${word}" in ${a.name} has no address family keyword before it: network.subr splits the list at inet, inet6, link and ether ` +
          `and silently drops everything before the first keyword. Add ${family} in front.`
        : `${a.name} does not start with inet, inet6, link or ether: network.subr warns "needs leading inet keyword" at every boot ` +
          `and treats the value as inet${family === 'inet6' ? ', which fails for this IPv6 address' : ''}. Add ${family} in front.`;
      const fix = addFamilyFix(doc, a, index, family);
      const start = a.valueOffsets[index];
      const end = a.valueOffsets[index + word.length];
      findings.push(findingAt(doc, 'rc/alias-missing-family', start, end, message, fix ? { fixes: [fix] } : {}));
    }
    return findings;
  },
};
