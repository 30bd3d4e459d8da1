import type { DiagramCluster, DiagramGroup, DiagramModel } from '../src/diagram-model';
import { groupKey } from '../src/diagram-model';
import { clusterTitle, nodeState, plural, takeoverLine } from './graph';

/**
 * The diagram as text, for screen readers (a list the webview fills with
 * textContent) and for the live region that says what a change did. Pure.
 */

export interface SummaryItem {
  text: string;
  children: SummaryItem[];
}

export function summary(model: DiagramModel): SummaryItem[] {
  if (!model.serverRunning) return [{ text: 'The FreeBSD conf language server is not running.', children: [] }];
  if (model.clusters.length === 0) return [{ text: 'No CARP vhid in the workspace.', children: [] }];
  return model.clusters.map((c) => ({ text: clusterLine(c), children: [...c.nodes.map((n, ni) => leaf(`${n.name}: ${nodeState(c, ni)}`)), ...c.groups.map(groupItem)] }));
}

function clusterLine(c: DiagramCluster): string {
  const failed = c.nodes.filter((n) => n.failed).map((n) => n.name);
  return `${clusterTitle(c)}: ${plural(c.nodes.length, 'node')}, ${plural(c.groups.length, 'vhid group')}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`;
}

function groupItem(g: DiagramGroup): SummaryItem {
  const names = (role: string): string[] => g.members.filter((m) => m.role === role).map((m) => m.node);
  const parts = [`vhid ${g.vhid} on ${g.segment ?? 'an unknown segment'}, VIPs ${g.addresses.join(', ') || 'none'}`];
  parts.push(g.masterName === null ? 'no MASTER: the VIPs are down' : `MASTER ${g.masterName}${g.tie ? ' (tie: timing decides)' : ''}`);
  const backups = names('BACKUP');
  if (backups.length) parts.push(`backups in order ${backups.join(', ')}`);
  const failed = names('FAILED');
  if (failed.length) parts.push(`failed ${failed.join(', ')}`);
  const inactive = names('INACTIVE');
  if (inactive.length) parts.push(`inactive (legacy carpN) ${inactive.join(', ')}`);
  const take = takeoverLine(g);
  if (take) parts.push(take);
  if (g.problems.length) parts.push(plural(g.problems.length, 'problem'));
  return { text: parts.join('; '), children: g.problems.map((p) => leaf(`${p.severity} ${p.code}: ${p.message}`)) };
}

function leaf(text: string): SummaryItem {
  return { text, children: [] };
}

/**
 * What changed between two models, in a sentence for the live region:
 * nodes failed or restored, who took over, MASTERs that moved. Empty when
 * nothing of that changed (a diagnostics update is not announced).
 */
export function announcement(before: DiagramModel | undefined, after: DiagramModel): string {
  if (!before) return '';
  if (before.serverRunning !== after.serverRunning) return after.serverRunning ? 'The language server is running again.' : 'The language server stopped.';
  const nameOf = new Map(after.clusters.flatMap((c) => c.nodes.map((n) => [n.root, n.name] as const)));
  const was = new Set(before.failed);
  const now = new Set(after.failed);
  const sentences: string[] = [];
  const failed = after.failed.filter((r) => !was.has(r)).map((r) => nameOf.get(r) ?? r);
  const restored = before.failed.filter((r) => !now.has(r)).map((r) => nameOf.get(r) ?? r);
  if (failed.length) sentences.push(`${failed.join(', ')} failed.`);
  if (restored.length) sentences.push(`${restored.join(', ')} restored.`);
  const masters = new Map(before.clusters.flatMap((c) => c.groups.map((g) => [groupKey(g), g.masterName] as const)));
  for (const g of after.clusters.flatMap((c) => c.groups)) {
    const previous = masters.get(groupKey(g));
    if (previous === undefined || previous === g.masterName) continue;
    sentences.push(g.masterName === null ? `vhid ${g.vhid} (${g.addresses.join(', ')}) has no MASTER.` : `${g.masterName} is now MASTER of vhid ${g.vhid} (${g.addresses.join(', ')}).`);
  }
  return sentences.join(' ');
}
