import type { ClusterCheck, Finding, RelatedLocation } from './types';
import { addressText, clusterNodes, groupByRule, joinNames, rcPlace, ruleFinding } from './pf-blocked-common';
import type { NodeConfig } from '../model/node-config';
import { evaluateWithStates, type DecidingRule } from '../model/pf-eval';
import { hostEnv } from '../model/pf-host-env';
import type { PfPacket } from '../model/pf-packet';
import { nodeRuleset } from '../model/pf-node-ruleset';
import { pfsyncPackets, pfsyncSettings, type PfsyncPeer } from '../model/pfsync-node';
import type { WorkspaceView } from '../model/workspace-view';
import { insertPassRuleFix, passRule } from '../fixes/pf-pass-rule';

/**
 * A node runs pfsync and its pf drops the pfsync packets (IP protocol 240)
 * on the syncdev, in from a peer or out: the members' state tables are not
 * shared, so after a failover the new MASTER drops every connection it has
 * no state for. Decided by evaluating the node's ruleset
 * (model/pf-eval.ts); only a certain drop is reported, on the deciding
 * rule, with the pfsync_syncdev line as related information.
 */
export const pfPfsyncBlocked: ClusterCheck = {
  code: 'pf/pfsync-blocked',
  run({ cluster, workspace }) {
    const nodes = clusterNodes(cluster);
    const syncing = nodes.map((config) => ({ config, settings: pfsyncSettings(config) })).filter((n) => n.settings.enabled && n.settings.syncdev && !n.settings.uncertain);
    const findings: Finding[] = [];
    for (const me of syncing) for (const f of nodeFindings(workspace, me, syncing.filter((p) => p !== me))) findings.push(f);
    return findings;
  },
};

type Item = { packet: PfPacket; from?: PfsyncPeer };

function nodeFindings(workspace: WorkspaceView, me: PfsyncPeer, peers: readonly PfsyncPeer[]): Finding[] {
  const ruleset = nodeRuleset(workspace, me.config.files);
  const syncdev = me.settings.syncdev;
  const env = hostEnv(me.config);
  if (!ruleset || !syncdev || env.renamed.has(syncdev)) return [];
  const blocked: { rule: DecidingRule; item: Item }[] = [];
  for (const item of pfsyncPackets(me.config, me.settings, peers)) {
    const v = evaluateWithStates(ruleset.unit, item.packet, env);
    if (v.outcome === 'block') blocked.push({ rule: v.rule, item });
  }
  const findings: Finding[] = [];
  for (const group of groupByRule(blocked)) {
    const text = passRule([syncdev], 'pfsync');
    const f = ruleFinding('pf/pfsync-blocked', ruleset.unit, group.rule, message(me.config, syncdev, group.items, peers, text), related(me), insertPassRuleFix(ruleset.unit, text));
    if (f) findings.push(f);
  }
  return findings;
}

function message(config: NodeConfig, syncdev: string, items: readonly Item[], peers: readonly PfsyncPeer[], rule: string): string {
  const ways: string[] = [];
  for (const { packet, from } of items) {
    const way = packet.direction === 'in' ? `in from ${from ? `${from.config.name} ${addressText(packet.src, '')}`.trim() : 'the peers'}` : `out to ${addressText(packet.dst, 'the syncpeer')}`;
    if (!ways.includes(way)) ways.push(way);
  }
  const others = joinNames(peers.map((p) => p.config.name)) || 'the peers';
  return (
    `pf on ${config.name} drops the pfsync state updates (IP protocol 240) on ${syncdev} (${ways.join(', ')}): this is the rule that decides for them. ` +
    `${config.name} and ${others} then do not share their state tables: after a failover the new MASTER has no state for the connections it takes over and pf drops them. ` +
    `Let pfsync through before any other filter rule: "${rule}".`
  );
}

function related(me: PfsyncPeer): RelatedLocation[] {
  const at = me.settings.syncdevAt;
  return at ? [{ ...rcPlace(at), message: `pfsync sends and receives its updates on ${me.settings.syncdev}` }] : [];
}
