import type { ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramModel, Problem } from '../src/diagram-model';
import { worstSeverity } from '../src/diagram-model';
import { BOX_PADDING, FONT_SIZE, LINE_HEIGHT, type DiagramGraph, type Line } from './graph';

/**
 * The laid-out graph as SVG markup. Pure (a string in, a string out), so
 * the unit tests check in Node what the webview inserts. Every text that
 * comes from the configuration (node names, interfaces, addresses,
 * diagnostic messages) goes through escapeXml, in element content and in
 * attributes alike; ids and data attributes are positions, never config
 * text. The webview parses the result as XML (not HTML), so a mistake
 * here is a parse error, not markup.
 *
 * Colours are classes styled by topology.css with the theme's variables; no
 * inline style, which the webview's CSP would refuse anyway.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for XML element content or a quoted attribute. Characters XML cannot
 * hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD:
 * escaping them as `&#1;` would still be a parse error.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A coordinate: rounded, and 0 for anything ELK did not compute, so no NaN reaches an attribute. */
function n(value: number | undefined): string {
  return Number.isFinite(value) ? String(Math.round((value as number) * 10) / 10) : '0';
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Renders the whole diagram, or a one-line message when there is nothing to draw. */
export function renderSvg(laid: ElkNode, graph: DiagramGraph, model: DiagramModel): string {
  if (!model.serverRunning) return messageSvg('The FreeBSD conf language server is not running.');
  if (model.clusters.length === 0) return messageSvg('No CARP vhid in the workspace: no cluster to draw.');
  const body = (laid.children ?? []).map((c) => renderCluster(c, graph, model)).join('');
  const width = Math.max(laid.width ?? 0, 200);
  const height = Math.max(laid.height ?? 0, 40);
  return svgRoot(width, height, `${defs()}${body}`);
}

function svgRoot(width: number, height: number, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="topology" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-size="${FONT_SIZE}" role="group" aria-label="CARP topology diagram">${content}</svg>`;
}

function messageSvg(message: string): string {
  return svgRoot(560, 40, `<text class="line-note" x="8" y="24">${escapeXml(message)}</text>`);
}

function defs(): string {
  const arrow = (id: string, cls: string): string =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="${cls}" d="M0,0L10,5L0,10z"/></marker>`;
  return `<defs>${arrow('arrow', 'arrowhead')}${arrow('arrow-takeover', 'arrowhead takeover')}</defs>`;
}

function renderCluster(node: ElkNode, graph: DiagramGraph, model: DiagramModel): string {
  const item = graph.items.get(node.id);
  if (item?.kind !== 'cluster') return '';
  const cluster = model.clusters[item.ci];
  const box = boxOf(node, 0, 0);
  const severity = worstSeverity(cluster.groups.flatMap((g) => g.problems));
  const sev = severity ? ` sev-${severity}` : '';
  if (!item.expanded) {
    return `<g class="cluster collapsed${sev}${cluster.nodes.some((x) => x.failed) ? ' has-failed' : ''}" data-cluster="${item.ci}" tabindex="0" role="button" aria-expanded="false" aria-label="${escapeXml(item.tooltip.replace(/\n/g, '. '))}">${title(item.tooltip)}${rect(box, 'frame')}${lines(item.lines, box)}</g>`;
  }
  const header = { x: box.x, y: box.y, width: box.width, height: LINE_HEIGHT + 2 * BOX_PADDING };
  const parts = [
    `<g class="cluster expanded${sev}">`,
    rect(box, 'frame'),
    `<g class="cluster-header" data-cluster="${item.ci}" tabindex="0" role="button" aria-expanded="true" aria-label="${escapeXml(`${item.tooltip}: collapse`)}">${title(item.tooltip)}${rect(header, 'header')}${lines(item.lines, header)}</g>`,
    // Edges first, so the boxes are drawn over their ends.
    `<g class="edges">${(node.edges ?? []).map((e) => renderEdge(e, box, graph, model)).join('')}</g>`,
    ...(node.children ?? []).map((child) => renderChild(child, box, graph, model)),
    '</g>',
  ];
  return parts.join('');
}

function renderChild(node: ElkNode, parent: Box, graph: DiagramGraph, model: DiagramModel): string {
  const item = graph.items.get(node.id);
  const box = boxOf(node, parent.x, parent.y);
  if (item?.kind === 'node') {
    const cluster = model.clusters[item.ci];
    const host = cluster.nodes[item.ni];
    const problems: Problem[] = cluster.groups.flatMap((g) => g.members.filter((m) => m.root === host.root).flatMap((m) => m.problems));
    const severity = worstSeverity(problems);
    const cls = `node${host.failed ? ' failed' : ''}${severity ? ` sev-${severity}` : ''}`;
    const label = `${host.name}, ${item.lines[1]?.text ?? ''}. ${host.failed ? 'Press Enter to restore it' : 'Press Enter to simulate its failure'}`;
    return `<g class="${cls}" data-node="${item.ci}:${item.ni}" tabindex="0" role="button" aria-pressed="${host.failed}" aria-label="${escapeXml(label)}">${title(item.tooltip)}${rect(box, 'box')}${lines(item.lines, box)}</g>`;
  }
  if (item?.kind === 'segment') {
    const inner = (node.children ?? []).map((g) => renderGroup(g, box, graph, model)).join('');
    return `<g class="segment">${rect(box, 'frame')}${lines(item.lines, box)}${inner}</g>`;
  }
  return '';
}

function renderGroup(node: ElkNode, parent: Box, graph: DiagramGraph, model: DiagramModel): string {
  const item = graph.items.get(node.id);
  if (item?.kind !== 'group') return '';
  const group = model.clusters[item.ci].groups[item.gi];
  const box = boxOf(node, parent.x, parent.y);
  const severity = worstSeverity(group.problems);
  const cls = [
    'group',
    severity ? `sev-${severity}` : '',
    group.master === null ? 'no-master' : '',
    group.takeover ? 'takeover' : '',
    group.highlighted ? 'highlighted' : '',
  ].filter(Boolean).join(' ');
  const label = `${item.tooltip.replace(/\n/g, '. ')}. Press Enter to open the MASTER's alias line`;
  return `<g class="${cls}" data-group="${item.ci}:${item.gi}" tabindex="0" role="button" aria-label="${escapeXml(label)}">${title(item.tooltip)}${rect(box, 'box')}${lines(item.lines, box)}</g>`;
}

function renderEdge(edge: ElkExtendedEdge, container: Box, graph: DiagramGraph, model: DiagramModel): string {
  const item = graph.items.get(edge.id);
  if (item?.kind !== 'edge') return '';
  const group = model.clusters[item.ci].groups[item.gi];
  const member = group.members[item.mi];
  const severity = worstSeverity(member.problems);
  const takeover = group.takeover !== null && member.role === 'MASTER';
  const cls = ['edge', `role-${member.role.toLowerCase()}`, member.tie ? 'tie' : '', takeover ? 'takeover' : '', severity ? `sev-${severity}` : ''].filter(Boolean).join(' ');
  const marker = member.role === 'MASTER' ? ` marker-end="url(#${takeover ? 'arrow-takeover' : 'arrow'})"` : '';
  const paths = (edge.sections ?? []).map((s) => `<path class="line" d="${pathData(s, container)}"${marker}/>`).join('');
  return `<g class="${cls}">${title(item.tooltip)}${paths}</g>`;
}

function pathData(section: ElkEdgeSection, offset: Box): string {
  const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x + offset.x)},${n(p.y + offset.y)}`).join('');
}

function boxOf(node: { x?: number; y?: number; width?: number; height?: number }, dx: number, dy: number): Box {
  return { x: (node.x ?? 0) + dx, y: (node.y ?? 0) + dy, width: node.width ?? 0, height: node.height ?? 0 };
}

function rect(box: Box, cls: string): string {
  return `<rect class="${cls}" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4"/>`;
}

/** A box's lines of text, top to bottom from its top-left corner. */
function lines(texts: readonly Line[], box: Box): string {
  return texts
    .map((l, i) => `<text class="line-${l.cls}" x="${n(box.x + BOX_PADDING)}" y="${n(box.y + BOX_PADDING + (i + 1) * LINE_HEIGHT - 4)}">${escapeXml(l.text)}</text>`)
    .join('');
}

/** A tooltip (SVG's <title> child), with the full texts the box may cut. */
function title(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}
