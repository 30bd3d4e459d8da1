import { moveToSysctlFix } from '../fixes/loader-not-a-tunable';
import { removeLineFix } from '../fixes/loader-sysctl-edits';
import { CARP_SYSCTL_PREFIX, carpSysctl, carpValueProblem } from '../model/carp-sysctls';
import type { FixProposal } from '../fixes/types';
import { findingAt } from './finding';
import { isLoaderDefaults } from './loader-node-settings';
import { carpOidAdvice } from './sysctl-unknown-carp-oid';
import type { Check, Finding } from './types';

const IGNORED = 'is not a loader tunable: the kernel never reads it from the loader environment, so this line is silently ignored';

/**
 * `loader/not-a-tunable`: a `net.inet.carp.*` setting other than `allow` in
 * loader.conf. Only `allow` is fetched as a tunable (sys/netinet/ip_carp.c
 * ipcarp_sysinit(), TUNABLE_INT_FETCH); the others
 * just become unused kernel environment variables, so preempt or log set
 * here never take effect. The fix moves a valid setting to sysctl.conf,
 * which rc applies at boot. A setting that would be wrong in sysctl.conf
 * too (an unknown OID, the demotion counter, a bad value) is only removed,
 * which changes nothing since the kernel ignored it anyway.
 */
export const loaderNotATunable: Check = {
  code: 'loader/not-a-tunable',
  kinds: ['loader'],
  run({ doc, workspace }) {
    if (doc.kind !== 'loader' || isLoaderDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const s of doc.loader.settings) {
      if (s.kind !== 'variable' || !s.name.startsWith(CARP_SYSCTL_PREFIX) || s.name === 'net.inet.carp.allow') continue;
      const entry = carpSysctl(s.name);
      const remove = removeLineFix(doc, s.start, `Remove the ignored ${s.name} line`);
      let message: string;
      let fix: FixProposal;
      if (!entry || !entry.writable) {
        message = `${s.name} ${IGNORED}. It is not a sysctl either: ${carpOidAdvice(s.name)}`;
        fix = remove;
      } else if (entry.write === 'add') {
        message =
          `${s.name} ${IGNORED}. Do not move it to sysctl.conf either: a write adds to the demotion counter, so it would demote this node at every boot.`;
        fix = remove;
      } else {
        const problem = carpValueProblem(entry, s.value);
        message = problem
          ? `${s.name} ${IGNORED}. The value is wrong as well: ${problem}`
          : `${s.name} ${IGNORED}. Put it in /etc/sysctl.conf (or /etc/sysctl.kld.d/carp.conf), which rc applies at boot.`;
        fix = problem ? remove : moveToSysctlFix(doc, s, workspace.nodeOf(doc.uri));
      }
      findings.push(findingAt(doc, 'loader/not-a-tunable', s.nameStart, s.nameEnd, message, { fixes: [fix] }));
    }
    return findings;
  },
};
