import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { canonicalAddress } from '../model/if-address';

/**
 * A vhid with no pass: its advertisements are authenticated with an empty
 * key, so any host on the segment can send valid ones and make the nodes
 * give up the VIPs. ifconfig keeps the key per vhid, and a later command that
 * omits pass leaves it as set, so this fires only when no command for the
 * vhid on that interface sets one, once, on the vhid's first command.
 */
export const carpMissingPass: Check = {
  code: 'carp/missing-pass',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    for (const group of config.vhids) {
      const first = group.items[0];
      if (group.pass || group.uncertain || first.source.uri !== doc.uri) continue;
      const vhid = first.entry.carp.vhid;
      if (!vhid) continue;
      const ifName = config.interfaces.interfaces.get(group.ifKey)?.name ?? group.ifKey;
      const vips = group.addresses.flatMap((a) => (a.ip ? [canonicalAddress(a.ip)] : []));
      const what = vips.length > 0 ? vips.join(', ') : 'its addresses';
      findings.push(
        findingAt(
          doc,
          'carp/missing-pass',
          vhid.keyword.start,
          (vhid.value ?? vhid.keyword).end,
          `vhid ${group.vhid} on ${ifName} has no pass: its advertisements are authenticated with an empty key, so any host on the segment can send valid ones and take over ${what}. Add "pass <secret>" to this line, the same on every node and at most 19 bytes (19 ASCII characters).`,
        ),
      );
    }
    return findings;
  },
};
