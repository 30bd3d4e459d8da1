import type { ClusterCheck, Finding } from './types';
import type { VhidMember } from '../model/cluster';
import { findingAtPlace, memberLabel, relatedAt } from './cluster-common';
import { comparableMembers, masterElsewhere, settingPlace, timingKnown } from './vhid-group-common';
import { advbaseMismatchFixes } from '../fixes/carp-advbase-mismatch';

/**
 * `carp/advbase-mismatch`: the nodes of one vhid advertise with different
 * advbase values. The election compares advbase + advskew/256
 * (sys/netinet/ip_carp.c carp_input_c()), so the node with the smaller
 * advbase wins whatever the advskew values say, and a BACKUP treats a
 * MASTER advertising less often than every 3 × its own advbase as down at
 * once. CARP still works, hence a warning: the ranking the advskew values
 * were meant to give does not hold. An advbase of 0 leaves the default 1.
 */
export const carpAdvbaseMismatch: ClusterCheck = {
  code: 'carp/advbase-mismatch',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const members = comparableMembers(group).filter(timingKnown);
      if (new Set(members.map((m) => m.advbase)).size < 2) continue;
      for (const m of members) {
        const differ = members.filter((o) => o.root !== m.root && o.advbase !== m.advbase);
        const place = settingPlace(workspace, m, 'advbase');
        if (differ.length === 0 || !place) continue;
        const message =
          `${memberLabel(m)} advertises with ${advbase(m)}, but ${differ.map((o) => `${memberLabel(o)} with ${advbase(o)}`).join(' and ')}. ` +
          `The election compares advbase + advskew/256, so the node with the smaller advbase becomes MASTER whatever the advskew values say. ` +
          `Use one advbase on every node of the vhid and rank the nodes with advskew.`;
        const related = relatedAt(
          differ.flatMap((o) => {
            const p = settingPlace(workspace, o, 'advbase');
            return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${advbase(o)}` }] : [];
          }),
        );
        const fixes = advbaseMismatchFixes(workspace, m, members, masterElsewhere(cluster, group));
        findings.push(findingAtPlace('carp/advbase-mismatch', place, message, { related, ...(fixes.length > 0 ? { fixes } : {}) }));
      }
    }
    return findings;
  },
};

function advbase(m: VhidMember): string {
  return m.vhid.advbase ? `advbase ${m.advbase}` : 'advbase 1 (the default)';
}
