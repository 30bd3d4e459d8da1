import * as vscode from 'vscode';
import type { TopologyCluster, TopologyGroup, TopologyMember, TopologyResult } from '../../server/src/protocol';
import { describeProblems, type MemberProblems } from './member-problems';

/**
 * The elements of the "CARP Clusters" view and how each shows. Elements are
 * built once per topology answer and keep their parent, so TreeView.reveal
 * can walk up from a vhid group; ids are derived from the model (node roots,
 * vhids, segments), so VS Code keeps selection and expansion across answers.
 */

export interface ClusterElement {
  kind: 'cluster';
  id: string;
  cluster: TopologyCluster;
  groups: GroupElement[];
}

export interface GroupElement {
  kind: 'group';
  id: string;
  group: TopologyGroup;
  parent: ClusterElement;
  members: MemberElement[];
}

export interface MemberElement {
  kind: 'member';
  id: string;
  member: TopologyMember;
  parent: GroupElement;
}

export type TopologyElement = ClusterElement | GroupElement | MemberElement;

/** The context values menus match (`viewItem == …`). A member of a node taken down is `member-failed`. */
export const CONTEXT = { cluster: 'cluster', group: 'group', memberUp: 'member-up', memberFailed: 'member-failed' } as const;

/** The elements of a topology answer. */
export function elementsOf(result: TopologyResult): ClusterElement[] {
  return result.clusters.map((cluster) => {
    const element: ClusterElement = { kind: 'cluster', id: `cluster:${cluster.nodes[0]?.root ?? ''}`, cluster, groups: [] };
    element.groups = cluster.groups.map((group) => {
      const g: GroupElement = { kind: 'group', id: `${element.id}|vhid:${group.vhid}@${group.segment ?? ''}`, group, parent: element, members: [] };
      g.members = group.members.map((member) => ({ kind: 'member', id: `${g.id}|${member.root}|${member.interface}`, member, parent: g }));
      return g;
    });
    return element;
  });
}

export function clusterItem(e: ClusterElement, problems: MemberProblems): vscode.TreeItem {
  const item = new vscode.TreeItem(e.cluster.nodes.map((n) => n.name).join(', '), vscode.TreeItemCollapsibleState.Expanded);
  item.id = e.id;
  const vips = new Set(e.cluster.groups.flatMap((g) => g.addresses)).size;
  const failed = e.cluster.nodes.filter((n) => n.failed).length;
  item.description = [`${vips} VIP${vips === 1 ? '' : 's'}`, failed > 0 ? `${failed} failed` : '', describeProblems(problems)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('server-environment');
  item.contextValue = CONTEXT.cluster;
  item.tooltip = `CARP cluster of ${e.cluster.nodes.length} nodes (${e.cluster.nodes.map((n) => n.name + (n.failed ? ', failed' : '')).join('; ')}) with ${e.cluster.groups.length} vhid group${e.cluster.groups.length === 1 ? '' : 's'}.`;
  const first = e.groups.flatMap((g) => g.group.members).find((m) => m.root === e.cluster.nodes[0]?.root);
  if (first) item.command = openCommand(first.location);
  return item;
}

export function groupItem(e: GroupElement, problems: MemberProblems, expanded: boolean): vscode.TreeItem {
  const g = e.group;
  const item = new vscode.TreeItem(`vhid ${g.vhid}`, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = e.id;
  const state = g.master === null ? 'no MASTER' : g.tie ? 'MASTER by timing' : '';
  item.description = [g.addresses.join(', '), g.segment ?? 'segment unknown', state, describeProblems(problems)].filter(Boolean).join(' · ');
  item.iconPath =
    problems.errors > 0 ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    : problems.warnings > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : new vscode.ThemeIcon('broadcast');
  item.contextValue = CONTEXT.group;
  const master = g.members.find((m) => m.root === g.master);
  const lines = [
    `vhid ${g.vhid} on ${g.segment ?? 'an unknown segment'}: ${g.addresses.join(', ')}`,
    master ? `MASTER: ${master.node}${g.tie ? ' (another member advertises as often: which one wins depends on timing)' : ''}` : 'No MASTER: every member is failed or inactive, so the VIPs are down.',
    ...problems.diagnostics.map((d) => `${d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning'}: ${d.message}`),
  ];
  item.tooltip = lines.join('\n');
  const target = master ?? g.members[0];
  if (target) item.command = openCommand(target.location);
  return item;
}

export function memberItem(e: MemberElement): vscode.TreeItem {
  const m = e.member;
  const item = new vscode.TreeItem(m.node, vscode.TreeItemCollapsibleState.None);
  item.id = e.id;
  item.description = [m.interface, `advbase ${m.advbase}`, `advskew ${m.advskew}`, m.tie ? `${m.role} (tie)` : m.role].join(' · ');
  item.iconPath = roleIcon(m);
  item.contextValue = m.role === 'FAILED' ? CONTEXT.memberFailed : CONTEXT.memberUp;
  item.tooltip = memberTooltip(m);
  item.command = openCommand(m.location);
  return item;
}

function roleIcon(m: TopologyMember): vscode.ThemeIcon {
  if (m.role === 'FAILED') return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (m.role === 'INACTIVE') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (m.tie) return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (m.role === 'MASTER') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon('circle-large-outline');
}

function memberTooltip(m: TopologyMember): string {
  const seconds = Number(m.interval.toFixed(3));
  const lines = [
    `${m.node} on ${m.interface}, vhid ${m.vhid}: ${m.role}${m.tie ? ' (tie)' : ''}`,
    `Advertises every ${seconds} s (advbase ${m.advbase} + skew ${m.skew}/256); the member advertising most often is MASTER.`,
  ];
  if (m.skew !== m.advskew) lines.push(`advskew ${m.advskew} is configured; with the node's demotion the kernel counts ${m.skew}.`);
  if (m.tie) lines.push('Another member advertises exactly as often: which one is MASTER depends on timing.');
  if (m.role === 'FAILED') lines.push('Failed in the simulation: restore it from the context menu.');
  if (m.role === 'INACTIVE') lines.push('On a legacy carpN interface, which FreeBSD 10 and later never create: it takes no part.');
  if (m.uncertain) lines.push('The interface also has a value that cannot be read here, which may change these settings.');
  lines.push(`Addresses: ${m.addresses.join(', ') || 'none'}`);
  return lines.join('\n');
}

/** The command a selected element runs: open the line that defines it. */
function openCommand(location: TopologyMember['location']): vscode.Command {
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  return { command: 'vscode.open', title: 'Open the defining line', arguments: [vscode.Uri.parse(location.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
}
