import { removeEmptyAliasFix } from '../fixes/rc-empty-alias-stops';
import { findingAt } from './finding';
import { isRcDefaults, parseAliasName } from './rc-node-settings';
import { nodeConfig, type RcInForce } from '../model/node-config';
import type { Check, Finding } from './types';

/**
 * `rc/empty-alias-stops`: `ifconfig_<if>_aliasN=""`. network.subr walks an
 * interface's aliases in numeric order and stops at the first one set to
 * the empty string, so every higher-numbered alias (often a CARP VIP) is
 * silently never configured. Gaps in the numbering are fine (only set
 * variables are listed), so only an empty alias with higher ones in force
 * across the node's rc files is reported.
 */
export const rcEmptyAliasStops: Check = {
  code: 'rc/empty-alias-stops',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc' || isRcDefaults(doc.uri)) return [];
    const candidates = doc.rc.assignments.filter((a) => a.value === '' && !a.conditional && parseAliasName(a.name));
    if (candidates.length === 0) return [];
    // What the admin's files leave in force for certain (a conditional assignment may or may not run).
    const effective = new Map([...nodeConfig(workspace.nodeOf(doc.uri)).rc].filter(([, v]) => !v.fromDefaults && !v.uncertain));
    const findings: Finding[] = [];
    for (const a of candidates) {
      if (effective.get(a.name)?.setting !== a) continue;
      const { ifVar, n } = parseAliasName(a.name) as { ifVar: string; n: number };
      const skipped: (RcInForce & { n: number })[] = [];
      for (const [name, loc] of effective) {
        const p = parseAliasName(name);
        if (p && p.ifVar === ifVar && p.n > n) skipped.push({ ...loc, n: p.n });
      }
      if (skipped.length === 0) continue;
      skipped.sort((x, y) => x.n - y.n);
      const names = skipped.map((s) => s.setting.name);
      const list =
        names.length === 1 ? names[0] : names.length <= 3 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
      const message =
        `${a.name} is empty: network.subr stops reading ${ifVar}'s aliases at the first empty one, so ${list} ` +
        `${names.length === 1 ? 'is' : 'are'} never configured. Remove this line (gaps in the numbering are fine).`;
      const related = skipped.map((s) => ({
        uri: s.doc.uri,
        range: s.doc.lines.range(s.setting.start, s.setting.end),
        message: `${s.setting.name} is skipped because ${a.name} is empty`,
      }));
      findings.push(findingAt(doc, 'rc/empty-alias-stops', a.start, a.end, message, { related, fixes: [removeEmptyAliasFix(doc, a)] }));
    }
    return findings;
  },
};
