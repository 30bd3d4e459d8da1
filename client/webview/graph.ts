import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramCluster, DiagramGroup, DiagramMember, DiagramModel } from '../src/diagram-model';
import { worstSeverity } from '../src/diagram-model';

/**
 * The diagram model as an ELK graph to lay out: a box per cluster (one box
 * with a summary while collapsed); inside an expanded one, the nodes on the
 * left, a box per segment on the right holding its vhid groups (the VIPs),
 * and an edge per member from its node to its group. Pure, so the unit tests
 * lay it out in Node with the same ELK the webview runs.
 *
 * Ids are made from positions, never from config text; the texts each box
 * shows are decided here, because ELK needs their size before it places them.
 */

export const FONT_SIZE = 12;
/** Width of a character of the monospace font the diagram's text uses, at FONT_SIZE. */
export const CHAR_WIDTH = 7.3;
export const LINE_HEIGHT = 16;
export const BOX_PADDING = 8;
/** Longer texts are cut with an ellipsis (the full text is in the box's tooltip and the text summary). */
export const MAX_LINE_CHARS = 44;
/** Beyond this many clusters or nodes, clusters start collapsed. */
export const COLLAPSE_CLUSTERS_OVER = 6;
export const COLLAPSE_NODES_OVER = 40;
const MAX_ADDRESS_LINES = 4;
const MAX_PROBLEM_LINES = 3;
const MAX_MEMBER_LINES = 6;

export type LineClass = 'title' | 'state' | 'address' | 'master' | 'takeover' | 'error' | 'warning' | 'information' | 'hint' | 'note';

export interface Line {
  text: string;
  cls: LineClass;
}

/** What an ELK id stands for, with the lines its box shows. */
export type Item =
  | { kind: 'cluster'; ci: number; expanded: boolean; lines: Line[]; tooltip: string }
  | { kind: 'node'; ci: number; ni: number; lines: Line[]; tooltip: string }
  | { kind: 'segment'; ci: number; lines: Line[]; tooltip: string }
  | { kind: 'group'; ci: number; gi: number; lines: Line[]; tooltip: string }
  | { kind: 'edge'; ci: number; gi: number; mi: number; lines: Line[]; tooltip: string };

export interface DiagramGraph {
  /** One ELK graph per cluster, laid out apart (layout.ts), so a change to one cluster lays out that one only. */
  clusters: ElkNode[];
  items: Map<string, Item>;
}

/**
 * Whether a cluster is drawn expanded: always when it holds the focused
 * group, else as the user chose, else when one of its nodes is failed (the
 * takeover is what the user wants to see), else only in a small workspace.
 */
export function isExpanded(model: DiagramModel, ci: number, choices: ReadonlyMap<string, boolean>, focusCluster: number | null): boolean {
  if (focusCluster === ci) return true;
  const chosen = choices.get(model.clusters[ci].key);
  if (chosen !== undefined) return chosen;
  if (model.clusters[ci].nodes.some((n) => n.failed)) return true;
  const nodes = model.clusters.reduce((n, c) => n + c.nodes.length, 0);
  return model.clusters.length <= COLLAPSE_CLUSTERS_OVER && nodes <= COLLAPSE_NODES_OVER;
}

/** Builds the graphs; `expanded(ci)` tells which clusters show their inside. */
export function buildGraph(model: DiagramModel, expanded: (ci: number) => boolean): DiagramGraph {
  const items = new Map<string, Item>();
  const clusters = model.clusters.map((c, ci) => (expanded(ci) ? expandedCluster(c, ci, items) : collapsedCluster(c, ci, items)));
  return { clusters, items };
}

function collapsedCluster(c: DiagramCluster, ci: number, items: Map<string, Item>): ElkNode {
  const id = `c${ci}`;
  const lines: Line[] = [{ text: clusterTitle(c), cls: 'title' }, { text: `${plural(c.groups.length, 'vhid')}: ${mastersText(c)}`, cls: 'master' }];
  const failed = c.nodes.filter((n) => n.failed).length;
  if (failed > 0) lines.push({ text: `${failed} failed`, cls: 'state' });
  const taken = c.groups.filter((g) => g.takeover).length;
  if (taken > 0) lines.push({ text: `${plural(taken, 'vhid')} taken over`, cls: 'takeover' });
  const counts = problemCounts(c.groups);
  if (counts) lines.push({ text: counts.text, cls: counts.cls });
  lines.push({ text: 'collapsed: Enter or click to expand', cls: 'note' });
  items.set(id, { kind: 'cluster', ci, expanded: false, lines: lines.map(cut), tooltip: lines.map((l) => l.text).join('\n') });
  return { id, ...boxSize(lines) };
}

function expandedCluster(c: DiagramCluster, ci: number, items: Map<string, Item>): ElkNode {
  const id = `c${ci}`;
  const title = [{ text: `▾ ${clusterTitle(c)}`, cls: 'title' as const }];
  items.set(id, { kind: 'cluster', ci, expanded: true, lines: title.map(cut), tooltip: `${clusterTitle(c)}\nEnter or click the title to collapse` });
  const nodeBoxes = c.nodes.map((n, ni): ElkNode => {
    const lines: Line[] = [{ text: n.name, cls: 'title' }, { text: nodeState(c, ni), cls: 'state' }];
    items.set(`c${ci}n${ni}`, { kind: 'node', ci, ni, lines: lines.map(cut), tooltip: `${n.name}\n${nodeState(c, ni)}\n${n.failed ? 'Enter or click to restore it' : 'Enter or click to simulate its failure'}` });
    return { id: `c${ci}n${ni}`, ...boxSize(lines) };
  });
  const segments = new Map<string, ElkNode>();
  const edges: ElkExtendedEdge[] = [];
  c.groups.forEach((g, gi) => {
    const segKey = g.segment ?? '';
    let segment = segments.get(segKey);
    if (!segment) {
      const segId = `c${ci}s${segments.size}`;
      const lines: Line[] = [{ text: g.segment ? `segment ${g.segment}` : 'segment unknown', cls: 'title' }];
      items.set(segId, { kind: 'segment', ci, lines: lines.map(cut), tooltip: lines[0].text });
      segment = {
        id: segId,
        children: [],
        // ELK sizes a compound node from its children only: the minimum keeps its title inside.
        layoutOptions: {
          'elk.padding': `[top=${LINE_HEIGHT + 2 * BOX_PADDING},left=10,bottom=10,right=10]`,
          'elk.nodeSize.minimum': `(${Math.ceil(textWidth(lines) + 2 * BOX_PADDING)},40)`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        },
      };
      segments.set(segKey, segment);
    }
    const lines = groupLines(g);
    items.set(`c${ci}g${gi}`, { kind: 'group', ci, gi, lines: lines.map(cut), tooltip: groupTooltip(g) });
    segment.children?.push({ id: `c${ci}g${gi}`, ...boxSize(lines) });
    g.members.forEach((m, mi) => {
      const ni = c.nodes.findIndex((n) => n.root === m.root);
      if (ni < 0) return;
      // No edge labels: ELK's layered layout stacks them in a column of their own, far from their
      // edges; the group box lists each member's role instead, and the edge's style shows it.
      items.set(`c${ci}g${gi}m${mi}`, { kind: 'edge', ci, gi, mi, lines: [], tooltip: memberTooltip(m) });
      edges.push({ id: `c${ci}g${gi}m${mi}`, sources: [`c${ci}n${ni}`], targets: [`c${ci}g${gi}`] });
    });
  });
  return {
    id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.padding': `[top=${LINE_HEIGHT + 2 * BOX_PADDING + 4},left=12,bottom=12,right=12]`,
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '16',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.nodeSize.minimum': `(${Math.ceil(textWidth(title) + 2 * BOX_PADDING)},40)`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    },
    children: [...nodeBoxes, ...segments.values()],
    edges,
  };
}

export function clusterTitle(c: DiagramCluster): string {
  return `cluster ${c.nodes.map((n) => n.name).join(', ')}`;
}

/** `MASTER of 2 of 3 vhids`, `BACKUP`, `FAILED`. */
export function nodeState(c: DiagramCluster, ni: number): string {
  const node = c.nodes[ni];
  if (node.failed) return 'FAILED (simulated)';
  const mastered = c.groups.filter((g) => g.master === node.root).length;
  const member = c.groups.filter((g) => g.members.some((m) => m.root === node.root)).length;
  return mastered > 0 ? `MASTER of ${mastered} of ${plural(member, 'vhid')}` : `BACKUP in ${plural(member, 'vhid')}`;
}

function mastersText(c: DiagramCluster): string {
  const masters = [...new Set(c.groups.map((g) => g.masterName ?? 'none'))];
  return masters.length === 1 ? `MASTER ${masters[0]}` : `MASTERs ${masters.join(', ')}`;
}

export function masterLine(g: DiagramGroup): string {
  if (g.masterName === null) return 'no MASTER: the VIPs are down';
  return `MASTER ${g.masterName}${g.tie ? ' (tie: timing decides)' : ''}`;
}

export function takeoverLine(g: DiagramGroup): string | null {
  const t = g.takeover;
  if (!t) return null;
  return t.to === null ? `${t.from} failed: nobody takes over` : `${t.to} takes over ${t.addresses.join(', ')}`;
}

function groupLines(g: DiagramGroup): Line[] {
  const lines: Line[] = [{ text: `vhid ${g.vhid}`, cls: 'title' }];
  for (const a of g.addresses.slice(0, MAX_ADDRESS_LINES)) lines.push({ text: a, cls: 'address' });
  if (g.addresses.length > MAX_ADDRESS_LINES) lines.push({ text: `+${g.addresses.length - MAX_ADDRESS_LINES} more`, cls: 'address' });
  if (g.master === null || g.tie) lines.push({ text: masterLine(g), cls: g.master === null ? 'error' : 'master' });
  for (const m of g.members.slice(0, MAX_MEMBER_LINES)) lines.push({ text: memberLine(m), cls: m.role === 'MASTER' ? 'master' : 'state' });
  if (g.members.length > MAX_MEMBER_LINES) lines.push({ text: `+${g.members.length - MAX_MEMBER_LINES} more members`, cls: 'state' });
  const take = takeoverLine(g);
  if (take) lines.push({ text: take, cls: 'takeover' });
  for (const p of g.problems.slice(0, MAX_PROBLEM_LINES)) lines.push({ text: `${SEVERITY_MARK[p.severity]} ${p.code}`, cls: p.severity });
  if (g.problems.length > MAX_PROBLEM_LINES) lines.push({ text: `+${g.problems.length - MAX_PROBLEM_LINES} more problems`, cls: 'note' });
  return lines;
}

export const SEVERITY_MARK = { error: '✖', warning: '⚠', information: 'ℹ', hint: '·' } as const;

function groupTooltip(g: DiagramGroup): string {
  const lines = [`vhid ${g.vhid} on ${g.segment ?? 'an unknown segment'}`, ...g.addresses, masterLine(g)];
  const take = takeoverLine(g);
  if (take) lines.push(take);
  for (const p of g.problems) lines.push(`${p.severity} ${p.code}: ${p.message}`);
  return lines.join('\n');
}

/** `MASTER fw1 em0 skew 0`: the member's role first, so the MASTER reads at a glance. */
export function memberLine(m: DiagramMember): string {
  return `${m.role.padEnd(6)} ${m.node} ${m.interface} skew ${m.skew}${m.tie ? ' tie' : ''}`;
}

function memberTooltip(m: DiagramMember): string {
  const lines = [`${m.node}: ${m.role}${m.tie ? ' (tie)' : ''} on ${m.interface}, advbase ${m.advbase}, advskew ${m.advskew}${m.skew !== m.advskew ? ` (${m.skew} demoted)` : ''}`];
  for (const p of m.problems) lines.push(`${p.severity} ${p.code}: ${p.message}`);
  return lines.join('\n');
}

function problemCounts(groups: readonly DiagramGroup[]): { text: string; cls: Line['cls'] } | null {
  const all = groups.flatMap((g) => g.problems);
  const worst = worstSeverity(all);
  if (!worst) return null;
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.filter((p) => p.severity === 'warning').length;
  const others = all.length - errors - warnings;
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), others && plural(others, 'other problem')].filter(Boolean);
  return { text: parts.join(', '), cls: worst };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A line cut to MAX_LINE_CHARS (by code point, so no surrogate pair is split). */
function cut(line: Line): Line {
  const chars = [...line.text];
  return chars.length <= MAX_LINE_CHARS ? line : { ...line, text: `${chars.slice(0, MAX_LINE_CHARS - 1).join('')}…` };
}

function textWidth(lines: readonly Line[]): number {
  return Math.max(...lines.map((l) => Math.min([...l.text].length, MAX_LINE_CHARS))) * CHAR_WIDTH;
}

function boxSize(lines: readonly Line[]): { width: number; height: number } {
  return { width: Math.ceil(textWidth(lines) + 2 * BOX_PADDING), height: lines.length * LINE_HEIGHT + 2 * BOX_PADDING };
}
