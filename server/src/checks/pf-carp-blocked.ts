import type { ClusterCheck, Finding, RelatedLocation } from './types';
import { vhidPlace } from './cluster-common';
import { addressText, groupByRule, joinNames, ruleFinding } from './pf-blocked-common';
import type { Cluster, VhidMember } from '../model/cluster';
import { advertisementsOf, advertisingInterface, type Advertisement } from '../model/carp-traffic';
import { evaluateWithStates, type DecidingRule } from '../model/pf-eval';
import type { PfUnit } from '../model/pf-ruleset';
import { hostEnv, type HostEnv } from '../model/pf-host-env';
import { nodeRuleset } from '../model/pf-node-ruleset';
import type { WorkspaceView } from '../model/workspace-view';
import { insertPassRuleFix, passRule } from '../fixes/pf-pass-rule';

/**
 * A node's pf drops CARP advertisements (IP protocol 112) on a parent
 * interface, in from a peer or out from the node itself: the members stop
 * hearing each other and each becomes MASTER (split brain). Decided by
 * evaluating the ruleset the node loads (model/pf-eval.ts) for each
 * advertisement, never by searching the text: only a certain drop is
 * reported, on the rule that decides, with the vhid lines as related
 * information. Fix: pass CARP on those interfaces before any other rule.
 */
export const pfCarpBlocked: ClusterCheck = {
  code: 'pf/carp-blocked',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const root of cluster.roots) {
      const member = cluster.groups.flatMap((g) => g.members).find((m) => m.root === root);
      if (member) for (const f of nodeFindings(cluster, workspace, member)) findings.push(f);
    }
    return findings;
  },
};

/** The findings on one node's ruleset; `member` is any of the node's vhid members (they share its configuration). */
function nodeFindings(cluster: Cluster, workspace: WorkspaceView, member: VhidMember): Finding[] {
  const ruleset = nodeRuleset(workspace, member.config.files);
  if (!ruleset) return [];
  const env = hostEnv(member.config);
  const blocked: { rule: DecidingRule; item: Advertisement }[] = [];
  for (const ad of advertisementsOf(cluster, member.root)) {
    if (env.renamed.has(ad.packet.ifName)) continue;
    const rule = blockingRule(ruleset.unit, ad, env);
    if (rule) blocked.push({ rule, item: ad });
  }
  const findings: Finding[] = [];
  for (const group of groupByRule(blocked)) {
    const parents = [...new Set(group.items.map((a) => a.packet.ifName))];
    const text = passRule(parents, 'carp');
    const f = ruleFinding('pf/carp-blocked', ruleset.unit, group.rule, message(cluster, member, group.items, text), related(workspace, group.items), insertPassRuleFix(ruleset.unit, text));
    if (f) findings.push(f);
  }
  return findings;
}

function blockingRule(unit: PfUnit, ad: Advertisement, env: HostEnv): DecidingRule | undefined {
  const v = evaluateWithStates(unit, ad.packet, env);
  return v.outcome === 'block' ? v.rule : undefined;
}

/** `em0 (vhid 1, 2: in from fw2 10.0.0.3 (IPv4 and IPv6), out to 224.0.0.18)` per parent interface. */
function describe(ads: readonly Advertisement[]): string {
  const parts: string[] = [];
  for (const ifName of [...new Set(ads.map((a) => a.packet.ifName))]) {
    const mine = ads.filter((a) => a.packet.ifName === ifName);
    const vhids = [...new Set(mine.map((a) => a.member.vhid.vhid))].sort((a, b) => a - b);
    const ins = mine.filter((a) => a.packet.direction === 'in');
    const senders = new Map<string, string>();
    for (const a of ins) {
      const name = a.from?.node ?? 'the peers';
      if (!senders.get(name)) senders.set(name, a.packet.src.ip ? `${name} ${addressText(a.packet.src, '')}` : '');
    }
    const families = new Set(ins.map((a) => a.packet.af));
    const over = families.size === 2 ? ' (IPv4 and IPv6)' : families.has('inet6') ? ' (IPv6)' : '';
    const ways: string[] = [];
    if (ins.length > 0) ways.push(`in from ${joinNames([...senders].sort(([a], [b]) => a.localeCompare(b)).map(([name, text]) => text || name))}${over}`);
    const outs = [...new Set(mine.filter((a) => a.packet.direction === 'out').map((a) => addressText(a.packet.dst, 'the peer')))];
    if (outs.length > 0) ways.push(`out to ${joinNames(outs)}`);
    parts.push(`${ifName} (vhid ${vhids.join(', ')}: ${ways.join(', ')})`);
  }
  return joinNames(parts);
}

function message(cluster: Cluster, me: VhidMember, ads: readonly Advertisement[], rule: string): string {
  const names = [...new Set(ads.flatMap((a) => cluster.groups.find((g) => g.members.includes(a.member))?.members.filter((p) => p.root !== me.root).map((p) => p.node) ?? []))].sort();
  const others = joinNames(names) || 'the peers';
  const s = names.length === 1 ? 's' : '';
  const both = names.length === 1 ? 'both' : 'several';
  const inward = ads.some((a) => a.packet.direction === 'in');
  const outward = ads.some((a) => a.packet.direction === 'out');
  const effect =
    inward && outward
      ? `${me.node} and ${others} never hear each other, so each claims MASTER of the same addresses (split brain)`
      : inward
        ? `${me.node} never hears ${others} and claims MASTER whatever ${others} do${s ? 'es' : ''}, so ${both} can be MASTER at once (split brain)`
        : `${others} never hear${s} ${me.node} and claim${s} MASTER whatever ${me.node} does, so ${both} can be MASTER at once (split brain)`;
  return `pf on ${me.node} drops the CARP advertisements (IP protocol 112) of ${describe(ads)}: this is the rule that decides for them. ${effect}. Let CARP through before any other filter rule: "${rule}".`;
}

function related(workspace: WorkspaceView, ads: readonly Advertisement[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const seen = new Set<VhidMember>();
  for (const a of ads) {
    for (const [m, text] of [
      [a.member, `vhid ${a.member.vhid.vhid} on ${where(a.member)} of ${a.member.node}, whose advertisements the rule drops`],
      [a.from, a.from ? `vhid ${a.from.vhid.vhid} on ${where(a.from)} of ${a.from.node}, whose advertisements the rule drops` : ''],
    ] as const) {
      if (!m || seen.has(m)) continue;
      seen.add(m);
      const place = vhidPlace(workspace, m);
      if (place) out.push({ ...place, message: text });
    }
  }
  return out;
}

/** `em0`, or for a FreeBSD 9 carpN, where its vhid goes once moved (carp/legacy-carp-interface). */
function where(m: VhidMember): string {
  const parent = advertisingInterface(m);
  return parent === m.ifName ? m.ifName : `${m.ifName} (ignored since FreeBSD 10; its parent is ${parent})`;
}
