import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { topology } from '../../server/src/features/topology';
import type { WorkspaceView } from '../../server/src/model/workspace-view';
import { diagramModel, type DiagramModel, type PlainDiagnostic } from '../../client/src/diagram-model';
import { buildGraph, isExpanded } from '../../client/webview/graph';
import { ClusterLayouts } from '../../client/webview/layout';
import { renderSvg } from '../../client/webview/render';

/**
 * The webview's drawing pipeline run in Node: the server's topology, the
 * host's model, the graph, ELK's layout (the same elk.bundled.js the webview
 * bundles) and the SVG markup.
 */

const elk = new ELK();

/** Counts ELK runs, so a test can tell what was laid out again. */
export function countingLayouts(): { layouts: ClusterLayouts; runs: () => number } {
  let runs = 0;
  const layouts = new ClusterLayouts((graph: ElkNode) => {
    runs++;
    return elk.layout(graph);
  });
  return { layouts, runs: () => runs };
}

export function modelOf(ws: WorkspaceView, failed: string[] = [], diagnostics: Record<string, PlainDiagnostic[]> = {}): DiagramModel {
  const current = topology(ws, failed);
  const baseline = failed.length > 0 ? topology(ws) : undefined;
  return diagramModel({ version: 1, current, baseline, diagnosticsOf: (uri) => diagnostics[uri] ?? [], highlight: null });
}

/** The SVG the webview would insert, every cluster expanded unless `expanded` says otherwise. */
export async function draw(model: DiagramModel, expanded: (ci: number) => boolean = () => true, layouts = countingLayouts().layouts): Promise<string> {
  const graph = buildGraph(model, expanded);
  return renderSvg(await layouts.place(graph, 1200), graph, model);
}

/** Expanded as the webview decides by default (no choice made, nothing focused). */
export const byDefault = (model: DiagramModel) => (ci: number): boolean => isExpanded(model, ci, new Map(), null);
