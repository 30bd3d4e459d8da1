import type { ClusterCheck, Finding } from './types';
import { findingAtPlace, memberLabel, relatedAt, vhidPlace } from './cluster-common';
import { addressList, comparableMembers, groupAddresses } from './vhid-group-common';
import { addMissingAddressesFix, type Lack } from '../fixes/carp-address-set-mismatch';

/**
 * `carp/address-set-mismatch`: the members of one vhid group carry
 * different addresses on it. The HMAC of every advertisement covers each
 * IPv4 and IPv6 address of the vhid, sorted (sys/netinet/ip_carp.c
 * carp_hmac_prepare()), and not their prefix lengths, so addresses are
 * compared as addresses (`192.0.2.1/24` and `/32` agree). When the sets
 * differ every advertisement fails authentication at the other node and
 * both become MASTER. Members are grouped by one shared address, so the
 * nodes still appear together here. Only addresses network.subr applies
 * count (an alias after an empty one is never configured).
 */
export const carpAddressSetMismatch: ClusterCheck = {
  code: 'carp/address-set-mismatch',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const members = comparableMembers(group);
      const all = groupAddresses(members);
      const lacks: Lack[] = members.flatMap((m) => {
        const missing = all.filter((a) => !m.addresses.includes(a));
        return missing.length > 0 ? [{ member: m, addresses: missing }] : [];
      });
      if (lacks.length === 0) continue;
      for (const m of members) {
        const differ = members.filter((o) => o.root !== m.root && !sameSet(o.addresses, m.addresses));
        const place = vhidPlace(workspace, m);
        if (differ.length === 0 || !place) continue;
        const mine = lacks.find((l) => l.member === m);
        const message =
          `${memberLabel(m)} carries ${addressList(m.addresses)}, but ${differ.map((o) => `${memberLabel(o)} carries ${addressList(o.addresses)}`).join(' and ')}` +
          `${mine ? ` (this node lacks ${addressList(mine.addresses)})` : ''}. ` +
          `The HMAC of every advertisement covers all of the vhid's addresses (not their prefix lengths), so the nodes reject each other's advertisements ` +
          `and each side becomes MASTER: a split brain. Give every node of the vhid the same addresses.`;
        const related = relatedAt(
          differ.flatMap((o) => {
            const p = vhidPlace(workspace, o);
            return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${addressList(o.addresses)}` }] : [];
          }),
        );
        const fix = addMissingAddressesFix(workspace, m, lacks);
        findings.push(findingAtPlace('carp/address-set-mismatch', place, message, { related, ...(fix ? { fixes: [fix] } : {}) }));
      }
    }
    return findings;
  },
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
