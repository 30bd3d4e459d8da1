import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramGraph } from './graph';

/**
 * Places the clusters: each expanded cluster is laid out by ELK on its own,
 * and the results are remembered by the graph ELK was given, so toggling a
 * node, expanding a cluster or a diagnostics update lays out only the
 * clusters whose boxes changed (a 100-node workspace has 50 clusters). The
 * clusters are then set in rows, in the model's order, wrapping at `width`.
 * Collapsed clusters are single boxes whose size graph.ts already knows.
 */

export type LayoutFunction = (graph: ElkNode) => Promise<ElkNode>;

/** Space between clusters and around the diagram. */
export const GAP = 16;

export class ClusterLayouts {
  private cache = new Map<string, ElkNode>();

  constructor(private readonly layout: LayoutFunction) {}

  /** The whole diagram as one laid-out ELK node whose children are the clusters, with x and y set. */
  async place(graph: DiagramGraph, width: number): Promise<ElkNode> {
    const next = new Map<string, ElkNode>();
    const laid: ElkNode[] = [];
    for (const cluster of graph.clusters) {
      const key = JSON.stringify(cluster);
      const done = next.get(key) ?? this.cache.get(key) ?? (cluster.children?.length ? await this.layout(structuredClone(cluster)) : cluster);
      next.set(key, done);
      laid.push(done);
    }
    // Only what this diagram uses is kept: the cache never outgrows one diagram.
    this.cache = next;
    return shelves(laid, width);
  }
}

/** Rows of boxes, left to right, a new row when the next box would pass `width`. */
export function shelves(boxes: readonly ElkNode[], width: number): ElkNode {
  let x = GAP;
  let y = GAP;
  let rowHeight = 0;
  let right = 0;
  const children = boxes.map((b) => {
    const w = b.width ?? 0;
    const h = b.height ?? 0;
    if (x > GAP && x + w > width) {
      x = GAP;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    const placed = { ...b, x, y };
    x += w + GAP;
    right = Math.max(right, x);
    rowHeight = Math.max(rowHeight, h);
    return placed;
  });
  return { id: 'root', x: 0, y: 0, width: right, height: y + rowHeight + GAP, children };
}
