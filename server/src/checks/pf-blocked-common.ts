import type { Finding, RelatedLocation } from './types';
import type { Code } from './codes';
import type { Place } from './cluster-common';
import type { NodeConfig, RcInForce } from '../model/node-config';
import type { Cluster } from '../model/cluster';
import type { PfUnit } from '../model/pf-ruleset';
import type { DecidingRule } from '../model/pf-eval';
import type { PacketAddress } from '../model/pf-packet';
import { canonicalAddress } from '../model/if-address';
import type { FixProposal } from '../fixes/types';

/**
 * Shared by pf/carp-blocked and pf/pfsync-blocked (not a check itself): the
 * blocked packets of a node grouped by the rule that drops them, one
 * finding per rule on its line.
 */

/** Packets that one rule drops. */
export interface BlockedBy<T> {
  rule: DecidingRule;
  items: T[];
}

/** Groups items by the rule that blocks them, in the order the rules were first met. */
export function groupByRule<T>(blocked: readonly { rule: DecidingRule; item: T }[]): BlockedBy<T>[] {
  const out = new Map<string, BlockedBy<T>>();
  for (const b of blocked) {
    const key = `${b.rule.uri}#${b.rule.node.start}`;
    const g = out.get(key) ?? { rule: b.rule, items: [] };
    g.items.push(b.item);
    out.set(key, g);
  }
  return [...out.values()];
}

/** A finding on the rule's statement, in the ruleset file that holds it. */
export function ruleFinding(code: Code, unit: PfUnit, rule: DecidingRule, message: string, related: RelatedLocation[], fix: FixProposal | undefined): Finding | undefined {
  const doc = unit.files.find((f) => f.uri === rule.uri)?.doc;
  if (!doc) return undefined;
  return { code, uri: doc.uri, range: doc.lines.range(rule.node.start, rule.node.end), message, related, fixes: fix ? [fix] : [] };
}

/** Where an rc.conf assignment is written. */
export function rcPlace(at: RcInForce): Place {
  return { uri: at.doc.uri, range: at.doc.lines.range(at.setting.start, at.setting.end) };
}

/** `fw2`, `fw2 and fw3`, `fw2, fw3 and fw4`. */
export function joinNames(names: readonly string[]): string {
  const list = [...new Set(names)];
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** An address as messages show it; `fallback` when the files do not show it. */
export function addressText(a: PacketAddress, fallback: string): string {
  return a.ip ? canonicalAddress(a.ip) : fallback;
}

/** The configuration of each node of a cluster, in the order of its roots. */
export function clusterNodes(cluster: Cluster): NodeConfig[] {
  const byRoot = new Map<string, NodeConfig>();
  for (const g of cluster.groups) for (const m of g.members) if (!byRoot.has(m.root)) byRoot.set(m.root, m.config);
  return cluster.roots.flatMap((r) => byRoot.get(r) ?? []);
}
