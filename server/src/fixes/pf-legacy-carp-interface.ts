import type { TextEdit } from 'vscode-languageserver-types';
import type { PfDocument } from '../model/document';
import type { NodeFiles } from '../model/workspace-view';
import { findParentInterface } from '../model/carp-node';
import { nodeConfig } from '../model/node-config';
import { isLegacyCarpName } from '../model/rc-interfaces';
import type { PfFilterRule, PfRule } from '../parsers/pf';
import { macrosOnlyUsedIn, removeStatement } from './pf-edits';
import type { FixProposal } from './types';

/**
 * The parent interfaces CARP uses on a node, from its rc.conf: for a legacy
 * `carpN` configured there (`ifconfig_carpN="vhid … 192.0.2.1/24"`), the
 * interface whose subnet holds its address; otherwise every interface
 * carrying a vhid alias, in rc.conf order. Empty when the node has no
 * rc.conf or no CARP address.
 */
export function carpParents(node: NodeFiles, carpName: string): string[] {
  const config = nodeConfig(node);
  const list = config.interfaces;
  const legacy = list.interfaces.get(carpName);
  const own = new Set<string>();
  for (const item of legacy?.items ?? []) {
    const ip = item.entry.address?.ip;
    const parent = ip ? findParentInterface(list, ip) : undefined;
    if (parent?.kind === 'found') own.add(parent.iface.name);
  }
  if (own.size > 0) return [...own];
  const names: string[] = [];
  for (const v of config.vhids) {
    const name = list.interfaces.get(v.ifKey)?.name ?? v.ifKey;
    if (!isLegacyCarpName(v.ifKey) && !names.includes(name)) names.push(name);
  }
  return names;
}

const AD_PROTOCOLS = new Set(['carp', 'CARP', 'vrrp', '112']);
const AD_OPTIONS = new Set(['keep', 'label', 'ridentifier', 'tag', 'queue', 'allow-opts']);

/**
 * True for a rule that can only have been meant to let CARP through: a
 * `pass` on carpN interfaces alone, with no address or port criteria and at
 * most `proto carp`. Only such a rule may be replaced by the modern
 * advertisement rule without losing what it says; a rule for traffic to a
 * VIP (`pass in on carp0 proto tcp to port 80`) is not rewritten.
 */
export function isAdvertisementRule(rule: PfRule): rule is PfFilterRule {
  if (rule.type !== 'filter' || rule.action !== 'pass' || rule.route || rule.os) return false;
  const ifs = rule.interfaces?.items ?? [];
  if (ifs.length === 0 || ifs.some((i) => i.negated || !isLegacyCarpName(i.name.text))) return false;
  if (rule.protocols && rule.protocols.items.some((p) => !AD_PROTOCOLS.has(p.text))) return false;
  for (const ep of [rule.from, rule.to]) {
    if (ep?.ports || ep?.hosts?.items.some((h) => h.kind !== 'any' || h.negated)) return false;
  }
  return rule.options.every((o) => AD_OPTIONS.has(o.name));
}

/** The modern rule: `pass [quick] [on PARENT | on { A B }] proto carp keep state (no-sync)`. */
export function advertisementRule(parents: readonly string[], quick: boolean): string {
  const on = parents.length === 0 ? '' : parents.length === 1 ? ` on ${parents[0]}` : ` on { ${parents.join(' ')} }`;
  return `pass${quick ? ' quick' : ''}${on} proto carp keep state (no-sync)`;
}

/**
 * Replaces the whole rule with the advertisement rule, and removes macros
 * (such as `carp_if = "carp0"`) that only this rule used, so the rewrite
 * leaves no dead definition behind.
 */
export function rewriteCarpRuleFix(doc: PfDocument, rule: PfFilterRule, parents: readonly string[]): FixProposal {
  const text = advertisementRule(parents, rule.quick !== undefined);
  const edits: TextEdit[] = [{ range: doc.lines.range(rule.start, rule.end), newText: text }];
  for (const def of macrosOnlyUsedIn(doc, [rule])) {
    const removal = removeStatement(doc, def);
    if (removal) edits.push(removal);
  }
  return { title: `Rewrite as "${text}"`, isPreferred: true, changes: [{ uri: doc.uri, edits }] };
}
