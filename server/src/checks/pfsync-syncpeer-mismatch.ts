import type { ClusterCheck, Finding } from './types';
import { findingAtPlace, type Place } from './cluster-common';
import { clusterNodes, joinNames, rcPlace } from './pf-blocked-common';
import type { NodeConfig, RcInForce } from '../model/node-config';
import { canonicalAddress } from '../model/if-address';
import { selfAddresses } from '../model/pf-address-sets';
import { hostEnv } from '../model/pf-host-env';
import { pfsyncSettings, sendsUnicast, syncdevAddress, syncpeerAddress, type PfsyncSettings } from '../model/pfsync-node';
import { setSyncpeerFix } from '../fixes/pfsync-settings';
import type { FixProposal } from '../fixes/types';

/**
 * `pfsync_syncpeer` that cannot work: it points at the node itself, it is
 * no peer's syncdev address (the updates go elsewhere, or by another
 * link), or it is set on some members only: a node with a syncpeer sends
 * by unicast and does not join the 224.0.0.240 group
 * (sys/netpfil/pf/if_pfsync.c pfsyncioctl(), SIOCSETPFSYNC, joins it only
 * for no syncpeer or the group itself), so it never hears a member that
 * sends by multicast. No syncpeer on any member is valid (multicast).
 */
export const pfsyncSyncpeerMismatch: ClusterCheck = {
  code: 'pfsync/syncpeer-mismatch',
  run({ cluster }) {
    const nodes: Node[] = clusterNodes(cluster)
      .map((config) => ({ config, s: pfsyncSettings(config) }))
      .filter((n) => n.s.enabled && n.s.syncdev && !n.s.uncertain);
    const findings: Finding[] = [];
    for (const n of nodes) {
      const f = wrongPeer(n, nodes.filter((o) => o !== n));
      if (f) findings.push(f);
    }
    const withPeer = nodes.filter((n) => sendsUnicast(n.s));
    const without = nodes.filter((n) => !sendsUnicast(n.s));
    // Multicast members that disagree on the family (224.0.0.240 and ff12::f0) are left out: too rare to word well.
    const groups = new Set(without.map((n) => syncpeerAddress(n.s)?.kind() ?? 'ipv4'));
    if (withPeer.length > 0 && without.length > 0 && groups.size === 1) for (const f of oneSided(withPeer, without)) findings.push(f);
    return findings;
  },
};

interface Node {
  config: NodeConfig;
  s: PfsyncSettings;
}

/** The syncdev address of the only other member, the value a fix can set. */
function onlyPeerAddress(others: readonly Node[]): { node: Node; address: string } | undefined {
  if (others.length !== 1) return undefined;
  const ip = syncdevAddress(others[0].config, others[0].s);
  return ip ? { node: others[0], address: canonicalAddress(ip) } : undefined;
}

function wrongPeer(n: Node, others: readonly Node[]): Finding | undefined {
  const at = n.s.syncpeerAt;
  const ip = syncpeerAddress(n.s);
  if (!at || !ip || !sendsUnicast(n.s)) return undefined;
  const target = onlyPeerAddress(others);
  const fix = target ? [setSyncpeerFix(n.config, target.node.config.name, target.address)] : [];
  const text = canonicalAddress(ip);
  const self = selfAddresses(hostEnv(n.config)).nets.some((x) => x.ip.kind() === ip.kind() && x.ip.match(ip, x.prefix));
  if (self) {
    return findingAtPlace('pfsync/syncpeer-mismatch', valuePlace(at), `pfsync_syncpeer is ${text}, an address of ${n.config.name} itself: its pfsync updates never leave the node, so its peers get none of its connection states.${hint(target)}`, { fixes: fix });
  }
  const known = others.map((o) => ({ o, ip: syncdevAddress(o.config, o.s) }));
  if (known.length === 0 || known.some((k) => !k.ip)) return undefined;
  if (known.some((k) => k.ip!.kind() === ip.kind() && k.ip!.toString() === ip.toString())) return undefined;
  const theirs = joinNames(known.map((k) => `${k.o.config.name}'s ${k.o.s.syncdev} is ${canonicalAddress(k.ip!)}`));
  return findingAtPlace(
    'pfsync/syncpeer-mismatch',
    valuePlace(at),
    `pfsync_syncpeer is ${text}, which is no peer's syncdev address (${theirs}): ${n.config.name} sends its pfsync updates where no member receives them on the sync link.${hint(target)}`,
    { fixes: fix },
  );
}

function hint(target: { node: Node; address: string } | undefined): string {
  return target ? ` Set it to ${target.node.config.name}'s syncdev address, ${target.address}.` : '';
}

/** Members with a syncpeer and members without: reported on each, the fix gives those without one the peer's address. */
function* oneSided(withPeer: readonly Node[], without: readonly Node[]): Generator<Finding> {
  // Only for a pair: with more members, which peer a node should name is the admin's choice.
  const target = withPeer.length === 1 && without.length === 1 ? onlyPeerAddress(withPeer) : undefined;
  const fixFor = (n: Node): FixProposal | undefined => (target ? setSyncpeerFix(n.config, target.node.config.name, target.address) : undefined);
  const fixes = without.flatMap((n) => fixFor(n) ?? []);
  const unicast = joinNames(withPeer.map((n) => n.config.name));
  const multicast = joinNames(without.map((n) => n.config.name));
  for (const n of without) {
    const place = n.s.syncdevAt ? rcPlace(n.s.syncdevAt) : undefined;
    if (!place) continue;
    const f = fixFor(n);
    yield findingAtPlace(
      'pfsync/syncpeer-mismatch',
      place,
      `${n.config.name} has no unicast pfsync_syncpeer and sends its pfsync updates by multicast to ${multicastGroup(n)}, but ${unicast} send${withPeer.length === 1 ? 's' : ''} by unicast (pfsync_syncpeer) and, so configured, do${withPeer.length === 1 ? 'es' : ''} not listen to that group: ${n.config.name}'s connection states never reach ${unicast}. Set a syncpeer on every member or on none.`,
      { related: withPeer.flatMap((w) => (w.s.syncpeerAt ? [{ ...valuePlace(w.s.syncpeerAt), message: `${w.config.name} sends by unicast to ${w.s.syncpeer}` }] : [])), fixes: f ? [f] : [] },
    );
  }
  for (const w of withPeer) {
    if (!w.s.syncpeerAt) continue;
    yield findingAtPlace(
      'pfsync/syncpeer-mismatch',
      valuePlace(w.s.syncpeerAt),
      `${w.config.name} sends its pfsync updates by unicast to ${w.s.syncpeer} and so does not listen to the multicast group ${multicastGroup(without[0])}, where ${multicast} send${without.length === 1 ? 's' : ''} theirs (no unicast pfsync_syncpeer): ${w.config.name} never gets ${multicast}'s connection states. Set a syncpeer on every member or on none.`,
      { related: without.flatMap((n) => (n.s.syncdevAt ? [{ ...rcPlace(n.s.syncdevAt), message: `${n.config.name} has no syncpeer and sends by multicast on ${n.s.syncdev}` }] : [])), fixes },
    );
  }
}

/** The group a multicast member sends to: 224.0.0.240, or the IPv6 group its syncpeer names. */
function multicastGroup(n: Node): string {
  const ip = syncpeerAddress(n.s);
  return ip ? canonicalAddress(ip) : '224.0.0.240';
}

/** The value of an rc assignment, where the address is written. */
function valuePlace(at: RcInForce): Place {
  return { uri: at.doc.uri, range: at.doc.lines.range(at.setting.valueStart, at.setting.valueEnd) };
}
