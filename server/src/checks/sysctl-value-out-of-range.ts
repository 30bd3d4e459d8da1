import { carpSysctl, carpValueProblem, parseSysctlInt } from '../model/carp-sysctls';
import { findingAt } from './finding';
import type { Check, Finding } from './types';

/** What happens with an out-of-range value of each OID, so the message says why it matters. */
const CONSEQUENCE: Record<string, string> = {
  'net.inet.carp.dscp': 'The kernel refuses it (EINVAL), so advertisements keep DSCP 56 (CS7). Use a code point from 0 to 63.',
  'net.inet.carp.preempt': 'It is a 0/1 switch: write 1 to let a preferred node take over, 0 to keep the current master.',
  'net.inet.carp.allow': 'It is a 0/1 switch: write 1 to enable CARP, 0 to disable it.',
  'net.inet.carp.log': 'A negative level turns logging off just like 0; use 0 (off), 1 (state changes) or 2 (also bad packets).',
};

/**
 * `sysctl/value-out-of-range`: a CARP sysctl set to a non-integer or outside
 * the range carp(4) gives it (preempt and allow 0/1, dscp 0-63, log 0 or
 * more). The demotion counter is left to sysctl/demotion-persisted, which
 * says the whole line is wrong.
 */
export const sysctlValueOutOfRange: Check = {
  code: 'sysctl/value-out-of-range',
  kinds: ['sysctl'],
  run({ doc }) {
    if (doc.kind !== 'sysctl') return [];
    const findings: Finding[] = [];
    for (const s of doc.sysctl.settings) {
      const entry = carpSysctl(s.name);
      if (!entry || !entry.writable || entry.write !== 'set') continue;
      const problem = carpValueProblem(entry, s.value);
      if (!problem) continue;
      const extra = parseSysctlInt(s.value) !== undefined ? CONSEQUENCE[s.name] : undefined;
      // An empty value has no span of its own: point at the whole setting.
      const [start, end] = s.valueStart < s.valueEnd ? [s.valueStart, s.valueEnd] : [s.start, s.end];
      findings.push(findingAt(doc, 'sysctl/value-out-of-range', start, end, extra ? `${problem} ${extra}` : problem));
    }
    return findings;
  },
};
