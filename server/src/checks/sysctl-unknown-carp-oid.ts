import { distance } from 'fastest-levenshtein';
import { unknownCarpOidFixes } from '../fixes/sysctl-unknown-carp-oid';
import { CARP_SYSCTLS, CARP_SYSCTL_PREFIX, LEGACY_CARP_SYSCTLS, carpSysctl } from '../model/carp-sysctls';
import { findingAt } from './finding';
import type { Check, Finding } from './types';

/** Per-vhid ifconfig keywords people mistake for sysctls, with what the keyword adds to the example alias. */
const PER_VHID: Record<string, string> = {
  advskew: 'advskew 100 ',
  advbase: 'advbase 1 ',
  vhid: '',
  pass: '',
  password: '',
  peer: 'peer 192.0.2.2 ',
  peer6: 'peer6 2001:db8::2 ',
};

function isPerVhid(leaf: string): boolean {
  return Object.prototype.hasOwnProperty.call(PER_VHID, leaf);
}

/** Leaves a typo may be corrected to: the settable ones (the demotion counter is never a setting). */
const TYPO_TARGETS = CARP_SYSCTLS.filter((s) => s.oid.startsWith(CARP_SYSCTL_PREFIX) && s.writable && s.write === 'set').map((s) => s.leaf);

/** The real leaf a misspelt one most likely meant, or undefined when none is close. */
export function carpTypoSuggestion(leaf: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of TYPO_TARGETS) {
    const d = distance(leaf.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = leaf.length >= 5 ? 2 : 1;
  return bestDistance <= allowed ? best : undefined;
}

/** What the writer of an unknown `net.inet.carp.*` name probably wanted; shared with loader/not-a-tunable. */
export function carpOidAdvice(oid: string): string {
  const leaf = oid.slice(CARP_SYSCTL_PREFIX.length);
  const entry = carpSysctl(oid);
  if (entry && !entry.writable) return 'it is a read-only set of counters; read them with "netstat -s -p carp".';
  if (leaf === 'state') return 'the vhid state is changed at run time with ifconfig, e.g. "ifconfig em0 vhid 1 state backup"; it is not persisted.';
  if (isPerVhid(leaf)) {
    const keyword = leaf === 'password' ? 'pass' : leaf;
    const example = `inet vhid 1 ${PER_VHID[leaf]}pass s3cret alias 192.0.2.1/32`;
    return `${keyword} is set per vhid on the ifconfig alias line in rc.conf, e.g. ifconfig_em0_alias0="${example}".`;
  }
  if (leaf === 'ad_timeout') {
    return 'no CARP version ever had it. To change how far a failure demotes this node use net.inet.carp.ifdown_demotion_factor or net.inet.carp.senderr_demotion_factor (both 240 by default); the advertisement interval is advbase, set per vhid on the ifconfig alias line.';
  }
  if (LEGACY_CARP_SYSCTLS.includes(leaf)) return `it existed only in the legacy CARP of FreeBSD 9 and earlier and was removed with the carpN interfaces in 10.0.`;
  const typo = carpTypoSuggestion(leaf);
  if (typo) return `did you mean ${CARP_SYSCTL_PREFIX}${typo}?`;
  const names = CARP_SYSCTLS.filter((s) => s.oid.startsWith(CARP_SYSCTL_PREFIX)).map((s) => s.leaf).join(', ');
  return `the CARP sysctls are ${names}.`;
}

/**
 * `sysctl/unknown-carp-oid`: a `net.inet.carp.*` name the kernel does not
 * have (guides still set `advskew` and `ad_timeout`; sys/netinet/ip_carp.c
 * defines neither under net.inet.carp), or the read-only stats.
 * sysctl reports "unknown oid" (hidden by -i in the first boot pass) and the
 * intended setting never happens. The message says where the setting really
 * belongs.
 */
export const sysctlUnknownCarpOid: Check = {
  code: 'sysctl/unknown-carp-oid',
  kinds: ['sysctl'],
  run({ doc }) {
    if (doc.kind !== 'sysctl') return [];
    const findings: Finding[] = [];
    for (const s of doc.sysctl.settings) {
      if (!s.name.startsWith(CARP_SYSCTL_PREFIX)) continue;
      const entry = carpSysctl(s.name);
      if (entry && entry.writable) continue;
      const leaf = s.name.slice(CARP_SYSCTL_PREFIX.length);
      const head = entry ? `${s.name} cannot be set` : `${s.name} does not exist, so sysctl cannot set it ("unknown oid")`;
      const special = isPerVhid(leaf) || leaf === 'state' || leaf === 'ad_timeout' || LEGACY_CARP_SYSCTLS.includes(leaf) || leaf.includes('.');
      const suggestion = !entry && !special ? carpTypoSuggestion(leaf) : undefined;
      findings.push(
        findingAt(doc, 'sysctl/unknown-carp-oid', s.nameStart, s.nameEnd, `${head}: ${carpOidAdvice(s.name)}`, {
          fixes: unknownCarpOidFixes(doc, s, suggestion),
        }),
      );
    }
    return findings;
  },
};
