import type { ClusterCheck, Finding } from './types';
import type { VhidMember } from '../model/cluster';
import { findingAtPlace, memberLabel, relatedAt } from './cluster-common';
import { comparableMembers, masterElsewhere, settingPlace, timingKnown } from './vhid-group-common';
import { advskewTieFix } from '../fixes/carp-advskew-tie';

/**
 * `carp/advskew-tie`: two nodes of one vhid advertise at the same
 * interval, advbase + min(advskew + demotion, 240)/256 (sys/netinet/ip_carp.c
 * DEMOTE_ADVSKEW, carp_send_ad_locked()), so 245 and 250 tie at 240. Not a
 * split brain: a MASTER that hears an advertisement as frequent as its own
 * steps down (carp_input_c()), so the nodes settle on one MASTER, but which
 * one depends on timing, and it can change at every failover. FreeBSD's own
 * pfsync.4 example ties at 0 on purpose, hence a warning. Every tie counts,
 * between BACKUPs too: they decide who takes over when the MASTER fails.
 */
export const carpAdvskewTie: ClusterCheck = {
  code: 'carp/advskew-tie',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const members = comparableMembers(group).filter(timingKnown);
      for (const m of members) {
        const tied = members.filter((o) => o.root !== m.root && o.interval === m.interval);
        const place = settingPlace(workspace, m, 'advskew');
        if (tied.length === 0 || !place) continue;
        const message =
          `${memberLabel(m)} advertises at the same interval as ${tied.map(memberLabel).join(' and ')}: ${m.advbase} + ${m.skew}/256 s ` +
          `(${[m, ...tied].map((x) => `${x.node}: ${timing(x)}`).join('; ')}). A MASTER that hears an advertisement as frequent as its own steps down, ` +
          `so the nodes settle on one MASTER, but which one depends on timing. Give the node that should be BACKUP a higher advskew (at most 240: higher values count as 240).`;
        const related = relatedAt(
          tied.flatMap((o) => {
            const p = settingPlace(workspace, o, 'advskew');
            return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${timing(o)}` }] : [];
          }),
        );
        const fix = advskewTieFix(workspace, m, members, tied, masterElsewhere(cluster, group));
        findings.push(findingAtPlace('carp/advskew-tie', place, message, { related, ...(fix ? { fixes: [fix] } : {}) }));
      }
    }
    return findings;
  },
};

/** `advbase 1, advskew 250 counted as 240`, `advbase 1, advskew 0 + demotion 100`: how the interval comes about. */
function timing(m: VhidMember): string {
  const demotion = m.config.demotion;
  const skew = `advskew ${m.advskew}${demotion !== 0 ? ` + demotion ${demotion}` : ''}`;
  return `advbase ${m.advbase}, ${skew}${m.advskew + demotion !== m.skew ? `, counted as ${m.skew}` : ''}`;
}
