import type {
  RevealGroupArgs, TopologyCluster, TopologyGroup, TopologyMember, TopologyNode, TopologyResult,
} from '../../server/src/protocol';

/**
 * What the "Cluster Topology" diagram draws, and the messages between its
 * host (topology-panel.ts) and its webview (client/webview/). Pure: no
 * `vscode`, no DOM, so the host, the webview bundle and the unit tests share
 * it. The model is the server's TopologyResult decorated with what the
 * server does not answer: who took over each VIP from a failed node, and the
 * editor's diagnostics on each member's alias line.
 */

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic on a member's alias line. Messages come from the server, which masks passwords in them. */
export interface Problem {
  severity: ProblemSeverity;
  code: string;
  message: string;
}

/** A diagnostic as the host reads it from VS Code, reduced to plain data. */
export interface PlainDiagnostic extends Problem {
  startLine: number;
  endLine: number;
}

export interface DiagramMember extends TopologyMember {
  problems: Problem[];
}

/** Which node took over a group's VIPs because the node that was MASTER with no failure is failed now. */
export interface Takeover {
  /** The MASTER without any failure. */
  from: string;
  /** The MASTER now, or null when no member is left and the VIPs are down. */
  to: string | null;
  addresses: string[];
}

export interface DiagramGroup extends Omit<TopologyGroup, 'members'> {
  members: DiagramMember[];
  /** Every member's problems, the worst first. */
  problems: Problem[];
  takeover: Takeover | null;
  /** The predicted MASTER's node name, or null. */
  masterName: string | null;
  highlighted: boolean;
}

export interface DiagramCluster {
  /** Stable across refreshes while the cluster keeps its first node: the webview remembers what is expanded by it. */
  key: string;
  nodes: TopologyNode[];
  groups: DiagramGroup[];
}

export interface DiagramModel {
  /** Increases with every model the host sends, so the webview's acknowledgement names the one it drew. */
  version: number;
  /** False while no language server runs: the diagram says so rather than showing an empty workspace. */
  serverRunning: boolean;
  clusters: DiagramCluster[];
  /** The roots of the failed nodes. */
  failed: string[];
}

/** What the webview reports after drawing a model, read back from its DOM (the e2e test checks it). */
export interface RenderedView {
  version: number;
  /** One line per drawn vhid group: `vhid 1 192.0.2.0/24: MASTER fw2` (collapsed clusters draw none). */
  masters: string[];
  /** The names of the nodes drawn as failed. */
  failedNodes: string[];
  /** How many clusters are drawn collapsed. */
  collapsed: number;
  /** Milliseconds from the model's arrival to the diagram in the DOM (layout included). */
  millis: number;
}

export type ExportImageFormat = 'svg' | 'png';
export type ExportTextFormat = 'mermaid' | 'dot';

/** From the webview. Nodes are named by root and groups by position; the host checks both against its last model. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; view: RenderedView }
  | { type: 'toggleFailure'; root: string }
  | { type: 'restoreAll' }
  | { type: 'openMember'; cluster: number; group: number; member: number }
  | { type: 'exportImage'; format: ExportImageFormat; data: string }
  | { type: 'exportText'; format: ExportTextFormat }
  | { type: 'renderError'; message: string };

/** To the webview. `focus` asks it to show and focus one group (the command's argument). */
export type HostMessage = { type: 'model'; model: DiagramModel; focus: RevealGroupArgs | null };

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** A group's identity across two answers of the topology request (with and without failures). */
export function groupKey(group: Pick<TopologyGroup, 'vhid' | 'segment' | 'addresses'>): string {
  return `${group.vhid}|${group.segment ?? ''}|${group.addresses.join(',')}`;
}

export interface ModelInput {
  version: number;
  /** The topology with the failed nodes, or undefined while no server runs. */
  current: TopologyResult | undefined;
  /** The topology without failures, when some nodes are failed (to tell who took over). */
  baseline: TopologyResult | undefined;
  /** Our diagnostics of a file, by URI string. */
  diagnosticsOf: (uri: string) => readonly PlainDiagnostic[];
  highlight: RevealGroupArgs | null;
}

/** Builds the diagram model. */
export function diagramModel(input: ModelInput): DiagramModel {
  if (!input.current) return { version: input.version, serverRunning: false, clusters: [], failed: [] };
  const before = new Map<string, TopologyGroup>();
  for (const c of input.baseline?.clusters ?? []) for (const g of c.groups) before.set(groupKey(g), g);
  const clusters = input.current.clusters.map((c) => diagramCluster(c, before, input));
  return { version: input.version, serverRunning: true, clusters, failed: [...input.current.failed] };
}

function diagramCluster(cluster: TopologyCluster, before: ReadonlyMap<string, TopologyGroup>, input: ModelInput): DiagramCluster {
  const names = new Map(cluster.nodes.map((n) => [n.root, n.name]));
  const groups = cluster.groups.map((g): DiagramGroup => {
    const members = g.members.map((m) => ({ ...m, problems: memberProblems(m, input.diagnosticsOf) }));
    const problems = uniqueProblems(members.flatMap((m) => m.problems));
    const highlighted = input.highlight !== null && input.highlight.vhid === g.vhid && input.highlight.segment === g.segment;
    return {
      ...g, members, problems, highlighted,
      masterName: g.master === null ? null : (names.get(g.master) ?? null),
      takeover: takeover(before.get(groupKey(g)), g, names),
    };
  });
  return { key: cluster.nodes[0]?.root ?? '', nodes: cluster.nodes.map((n) => ({ ...n })), groups };
}

/** Who took over: only when the MASTER without failures is down now. */
export function takeover(before: TopologyGroup | undefined, now: TopologyGroup, names: ReadonlyMap<string, string>): Takeover | null {
  if (!before || before.master === null || before.master === now.master) return null;
  const wasFailed = now.members.some((m) => m.root === before.master && m.role === 'FAILED');
  if (!wasFailed) return null;
  const name = (root: string): string => names.get(root) ?? before.members.find((m) => m.root === root)?.node ?? root;
  return { from: name(before.master), to: now.master === null ? null : name(now.master), addresses: [...now.addresses] };
}

/** Our diagnostics whose lines meet the member's alias line(s). */
export function memberProblems(member: TopologyMember, diagnosticsOf: ModelInput['diagnosticsOf']): Problem[] {
  const { start, end } = member.location.range;
  const hits = diagnosticsOf(member.location.uri).filter((d) => d.startLine <= end.line && d.endLine >= start.line);
  return uniqueProblems(hits.map(({ severity, code, message }) => ({ severity, code, message })));
}

/** Problems without repeats (a cluster finding is on every member's line), the worst first. */
function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Map<string, Problem>();
  for (const p of problems) seen.set(`${p.severity}\n${p.code}\n${p.message}`, p);
  return [...seen.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The worst severity among problems, or null. */
export function worstSeverity(problems: readonly Problem[]): ProblemSeverity | null {
  return problems.length === 0 ? null : problems.reduce((w, p) => (SEVERITY_ORDER[p.severity] < SEVERITY_ORDER[w] ? p.severity : w), problems[0].severity);
}

/** The group to highlight: a RevealGroupArgs, or a tree item carrying one as `group`; anything else highlights nothing. */
export function revealArgs(arg: unknown): RevealGroupArgs | null {
  const candidate = isRecord(arg) && isRecord(arg.group) ? arg.group : arg;
  if (!isRecord(candidate) || typeof candidate.vhid !== 'number') return null;
  const segment = candidate.segment;
  return typeof segment === 'string' || segment === null ? { vhid: candidate.vhid, segment } : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
