import { demotionPersistedFix } from '../fixes/sysctl-demotion-persisted';
import { parseSysctlInt } from '../model/carp-sysctls';
import { findingAt } from './finding';
import type { Check, Finding } from './types';

/**
 * `sysctl/demotion-persisted`: `net.inet.carp.demotion` in a sysctl file.
 * The kernel handler adds the written value to the demotion counter
 * (carp_demote_adj) instead of storing it, so a boot-time line demotes the
 * node on every boot, and rc applies sysctl.conf a second time late in boot
 * (rc.d/sysctl_lastload). Even 0 is misleading: it does not reset anything.
 */
export const sysctlDemotionPersisted: Check = {
  code: 'sysctl/demotion-persisted',
  kinds: ['sysctl'],
  run({ doc }) {
    if (doc.kind !== 'sysctl') return [];
    const findings: Finding[] = [];
    for (const s of doc.sysctl.settings) {
      if (s.name !== 'net.inet.carp.demotion') continue;
      const n = parseSysctlInt(s.value);
      const message =
        n === 0
          ? 'net.inet.carp.demotion=0 does not reset the demotion counter: a write adds the value to it, so this line does nothing. Remove it.'
          : `Writing net.inet.carp.demotion adds ${n ?? 'the value'} to the demotion counter instead of setting it, so this line demotes the node on every boot, ` +
            'and again each time the file is applied (rc applies sysctl.conf early and again at sysctl_lastload). To make this node the backup, give it a higher ' +
            'advskew on its ifconfig alias line; adjust the counter only at run time, e.g. from a health-check script.';
      findings.push(findingAt(doc, 'sysctl/demotion-persisted', s.start, s.end, message, { fixes: [demotionPersistedFix(doc, s)] }));
    }
    return findings;
  },
};
