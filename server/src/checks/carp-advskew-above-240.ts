import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { itemsInFile } from '../model/carp-node';
import { nodeConfig } from '../model/node-config';

/**
 * advskew 241–254 is accepted but has no effect beyond 240: the kernel clamps
 * advskew plus the demotion counter to CARP_MAXSKEW (240) before it is sent
 * or compared (sys/netinet/ip_carp.c DEMOTE_ADVSKEW). Two nodes with 240 and 250 tie,
 * and a tie makes the master step down, so the ranking the writer intended
 * does not exist.
 */
export const carpAdvskewAbove240: Check = {
  code: 'carp/advskew-above-240',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    for (const item of itemsInFile(nodeConfig(workspace.nodeOf(doc.uri)).interfaces, doc.uri)) {
      const advskew = item.entry.carp.advskew;
      const n = advskew?.number;
      if (!advskew?.value || n === undefined || n <= 240 || n > 254) continue;
      findings.push(
        findingAt(
          doc,
          'carp/advskew-above-240',
          advskew.value.start,
          advskew.value.end,
          `advskew ${n} acts exactly like 240: the kernel caps advskew plus demotion at 240, so every value from 240 to 254 ranks the same and such nodes tie (on a tie the master steps down). Use 240 or lower, and give each node of the vhid a different advskew.`,
        ),
      );
    }
    return findings;
  },
};
