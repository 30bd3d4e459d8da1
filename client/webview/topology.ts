import ELK from 'elkjs/lib/elk.bundled.js';
import type { DiagramModel, HostMessage, RenderedView, WebviewMessage } from '../src/diagram-model';
import type { RevealGroupArgs } from '../../server/src/protocol';
import { buildGraph, isExpanded, plural } from './graph';
import { ClusterLayouts } from './layout';
import { renderSvg } from './render';
import { announcement, summary, type SummaryItem } from './summary';
import { pngBase64, standaloneSvg } from './export';

/**
 * The script of the "Cluster Topology" webview: draws each model the host
 * sends (ELK lays it out here, with no worker: elk.bundled.js runs in the
 * page), turns clicks and keys into messages, and reports back what it drew.
 * The SVG markup comes from render.ts with every config text escaped, and is
 * parsed as XML, never assigned to innerHTML; the summary is built with
 * textContent.
 */

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const elk = new ELK();
const layouts = new ClusterLayouts((graph) => elk.layout(graph));
const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
const diagram = $('diagram');

/** Which clusters the user expanded (true) or collapsed (false), by cluster key; kept while the panel is hidden. */
const choices = new Map<string, boolean>(readChoices());
let model: DiagramModel | undefined;
let drawn: DiagramModel | undefined;
/** The group to show and focus once, from the command's argument. */
let focusRequest: RevealGroupArgs | null = null;

function readChoices(): [string, boolean][] {
  const state = vscode.getState() as { choices?: unknown } | undefined;
  return Array.isArray(state?.choices) ? state.choices.filter((c): c is [string, boolean] => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'boolean') : [];
}

function choose(key: string, expanded: boolean): void {
  choices.set(key, expanded);
  vscode.setState({ choices: [...choices] });
}

// Draws run one at a time; a model that arrives meanwhile is drawn next, once.
let drawing = false;
let drawAgain = false;
async function draw(): Promise<void> {
  if (drawing) {
    drawAgain = true;
    return;
  }
  drawing = true;
  try {
    do {
      drawAgain = false;
      await drawOnce();
    } while (drawAgain);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    $('status').textContent = `Could not draw the diagram: ${message}`;
    vscode.postMessage({ type: 'renderError', message });
  } finally {
    drawing = false;
  }
}

async function drawOnce(): Promise<void> {
  const m = model;
  if (!m) return;
  const started = performance.now();
  const focusCluster = focusRequest ? m.clusters.findIndex((c) => c.groups.some((g) => g.highlighted)) : -1;
  const graph = buildGraph(m, (ci) => isExpanded(m, ci, choices, focusCluster < 0 ? null : focusCluster));
  $('status').textContent = 'Laying out…';
  const laid = await layouts.place(graph, Math.max(diagram.clientWidth - 8, 480));
  const parsed = new DOMParser().parseFromString(renderSvg(laid, graph, m), 'image/svg+xml');
  if (parsed.querySelector('parsererror')) throw new Error('the diagram markup did not parse');
  const focused = document.activeElement?.closest('[data-node],[data-group],[data-cluster]');
  const focusKey = focused ? itemSelector(focused) : undefined;
  diagram.replaceChildren(document.importNode(parsed.documentElement, true));
  if (focusKey) diagram.querySelector<SVGElement>(focusKey)?.focus({ preventScroll: true });
  if (focusRequest) {
    const target = diagram.querySelector<SVGElement>('.group.highlighted');
    target?.scrollIntoView({ block: 'center', inline: 'center' });
    target?.focus({ preventScroll: true });
    focusRequest = null;
  }
  fillSummary(summary(m));
  const said = announcement(drawn, m);
  if (said) $('announce').textContent = said;
  drawn = m;
  ($('restore-all') as HTMLButtonElement).disabled = m.failed.length === 0;
  const nodes = m.clusters.reduce((n, c) => n + c.nodes.length, 0);
  $('status').textContent = m.serverRunning ? `${plural(m.clusters.length, 'cluster')}, ${plural(nodes, 'node')}, ${m.failed.length} failed (simulated)` : 'The language server is not running.';
  vscode.postMessage({ type: 'rendered', view: renderedView(m.version, performance.now() - started) });
}

/** A selector for the same item in the next drawing (ids are positions, so only digits and a colon). */
function itemSelector(element: Element): string | undefined {
  for (const name of ['data-node', 'data-group', 'data-cluster']) {
    const value = element.getAttribute(name);
    if (value !== null && /^[0-9:]+$/.test(value)) return `[${name}="${value}"]`;
  }
  return undefined;
}

/** What the DOM now shows, read back from it, for the host (and the e2e test through it). */
function renderedView(version: number, millis: number): RenderedView {
  const text = (e: Element | null): string => e?.textContent ?? '';
  const masters = [...diagram.querySelectorAll('g.group')].map((g) => `${text(g.querySelector('.line-title'))}: ${text(g.querySelector('.line-master')) || text(g.querySelector('.line-error'))}`);
  const failedNodes = [...diagram.querySelectorAll('g.node.failed .line-title')].map(text);
  return { version, masters, failedNodes, collapsed: diagram.querySelectorAll('g.cluster.collapsed').length, millis: Math.round(millis) };
}

function fillSummary(items: readonly SummaryItem[]): void {
  const list = (entries: readonly SummaryItem[]): HTMLUListElement => {
    const ul = document.createElement('ul');
    for (const entry of entries) {
      const li = document.createElement('li');
      li.textContent = entry.text;
      if (entry.children.length) li.append(list(entry.children));
      ul.append(li);
    }
    return ul;
  };
  $('summary-body').replaceChildren(list(items));
}

/** A click or Enter/Space on a diagram item: a node fails or comes back, a cluster opens or closes, a group opens its MASTER's line. */
function activate(element: Element): void {
  const m = model;
  if (!m) return;
  const [ci, index] = (element.getAttribute('data-node') ?? element.getAttribute('data-group') ?? element.getAttribute('data-cluster') ?? '').split(':').map(Number);
  const cluster = m.clusters[ci];
  if (!cluster) return;
  if (element.hasAttribute('data-node')) {
    const node = cluster.nodes[index];
    if (node) vscode.postMessage({ type: 'toggleFailure', root: node.root });
  } else if (element.hasAttribute('data-group')) {
    const group = cluster.groups[index];
    if (group) vscode.postMessage({ type: 'openMember', cluster: ci, group: index, member: Math.max(0, group.members.findIndex((x) => x.role === 'MASTER')) });
  } else {
    choose(cluster.key, element.getAttribute('aria-expanded') !== 'true');
    void draw();
  }
}

const itemOf = (target: EventTarget | null): Element | null => (target instanceof Element ? target.closest('[data-node],[data-group],[data-cluster]') : null);
diagram.addEventListener('click', (event) => {
  const item = itemOf(event.target);
  if (item) activate(item);
});
diagram.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const item = itemOf(event.target);
  if (!item) return;
  event.preventDefault();
  activate(item);
});

function setAll(expanded: boolean): void {
  for (const c of model?.clusters ?? []) choose(c.key, expanded);
  void draw();
}

async function exportImage(format: 'svg' | 'png'): Promise<void> {
  const svg = diagram.querySelector('svg');
  if (!svg) return;
  const text = standaloneSvg(svg, getComputedStyle(document.body).backgroundColor);
  const data = format === 'svg' ? text : await pngBase64(text, svg.width.baseVal.value, svg.height.baseVal.value);
  vscode.postMessage({ type: 'exportImage', format, data });
}

$('restore-all').addEventListener('click', () => vscode.postMessage({ type: 'restoreAll' }));
$('expand-all').addEventListener('click', () => setAll(true));
$('collapse-all').addEventListener('click', () => setAll(false));
$('export-svg').addEventListener('click', () => void exportImage('svg'));
$('export-png').addEventListener('click', () => void exportImage('png').catch((e: unknown) => vscode.postMessage({ type: 'renderError', message: `PNG export: ${String(e)}` })));
$('export-mermaid').addEventListener('click', () => vscode.postMessage({ type: 'exportText', format: 'mermaid' }));
$('export-dot').addEventListener('click', () => vscode.postMessage({ type: 'exportText', format: 'dot' }));

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type !== 'model') return;
  model = message.model;
  if (message.focus) focusRequest = message.focus;
  void draw();
});

// A new width re-packs the clusters (their layouts are cached, so this is cheap).
let resizeFrame = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => void draw());
});

vscode.postMessage({ type: 'ready' });
