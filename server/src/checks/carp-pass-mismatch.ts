import type { ClusterCheck, Finding } from './types';
import type { VhidMember } from '../model/cluster';
import { MASKED_PASSWORD, type SecretText } from '../model/mask';
import { findingAtPlace, memberLabel, relatedAt } from './cluster-common';
import { addressList, comparableMembers, groupAddresses, passKey, PASS_BYTES_KEPT, settingPlace } from './vhid-group-common';
import { passMismatchFixes } from '../fixes/carp-pass-mismatch';

/**
 * `carp/pass-mismatch`: the members of one vhid group use different keys.
 * Every advertisement carries an HMAC-SHA1 keyed by the pass
 * (sys/netinet/ip_carp.c carp_hmac_prepare()), of which ifconfig keeps the
 * first 19 bytes; a receiver whose own HMAC differs drops the packet
 * (carp_input_c(): carps_badauth, logged only at net.inet.carp.log >= 2).
 * Neither node hears a valid MASTER, so both become MASTER: a silent split
 * brain. A missing pass is an empty key. Reported on every member's pass
 * (or vhid) word, naming the others and their passes, masked.
 */
export const carpPassMismatch: ClusterCheck = {
  code: 'carp/pass-mismatch',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const members = comparableMembers(group);
      if (new Set(members.map(passKey)).size < 2) continue;
      const addresses = addressList(groupAddresses(members));
      for (const m of members) {
        const differ = members.filter((o) => o.root !== m.root && passKey(o) !== passKey(m));
        const place = settingPlace(workspace, m, 'pass');
        if (differ.length === 0 || !place) continue;
        const message = mismatchMessage(m, differ, addresses);
        const related = relatedAt(
          differ.flatMap((o) => {
            const p = settingPlace(workspace, o, 'pass');
            return p ? [{ ...p, message: o.vhid.pass ? `${o.node}'s pass for vhid ${o.vhid.vhid} on ${o.ifName}` : `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}, without a pass` }] : [];
          }),
        );
        const fixes = passMismatchFixes(workspace, m, members, passKey);
        findings.push(findingAtPlace('carp/pass-mismatch', place, message, { related, ...(fixes.length > 0 ? { fixes } : {}) }));
      }
    }
    return findings;
  },
};

function mismatchMessage(m: VhidMember, differ: readonly VhidMember[], addresses: string): SecretText {
  const text = (show: (x: VhidMember) => string): string =>
    `${memberLabel(m)} has ${show(m)}, but ${differ.map((o) => `${memberLabel(o)} has ${show(o)}`).join(' and ')}. ` +
    `CARP keys the HMAC of every advertisement with the first ${PASS_BYTES_KEPT} bytes of the pass, so the nodes reject each other's advertisements ` +
    `(counted as bad authentication, logged only with net.inet.carp.log=2) and each side becomes MASTER of ${addresses}: a split brain. Use one pass on every node of the vhid.`;
  const pass = (x: VhidMember, shown: (p: string) => string): string => {
    const p = x.vhid.pass?.param.value?.text;
    return p === undefined ? 'no pass' : `pass ${shown(p)}`;
  };
  return { masked: text((x) => pass(x, () => MASKED_PASSWORD)), revealed: text((x) => pass(x, (p) => p)) };
}
