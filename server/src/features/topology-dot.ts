import type { TopologyResult } from '../protocol';
import { clusterTitle, groupId, groupLines, memberLines, nodeId, nodeLines } from './topology-labels';

/**
 * The topology as a Graphviz digraph: a `cluster_` subgraph per CARP
 * cluster, a hexagon per vhid group, an edge from the group to each member's
 * node labelled with its role (bold to the MASTER, dashed to a failed or
 * inactive member). Ids are made up from positions and every label is a quoted,
 * escaped string, so no name can end a string or start an HTML label.
 */
export function formatDot(result: TopologyResult): string {
  const out = ['digraph "CARP topology" {', '  rankdir=LR;', '  node [shape=box];'];
  if (result.clusters.length === 0) out.push(`  "none" [label=${label(['no CARP vhid found'])}, shape=plaintext];`);
  result.clusters.forEach((cluster, ci) => {
    const ids = new Map(cluster.nodes.map((n, ni) => [n.root, nodeId(ci, ni)]));
    out.push(`  subgraph "cluster_${ci}" {`, `    label=${label([clusterTitle(cluster)])};`);
    cluster.nodes.forEach((n, ni) => out.push(`    "${nodeId(ci, ni)}" [label=${label(nodeLines(n))}${n.failed ? ', style=dashed, color=gray' : ''}];`));
    cluster.groups.forEach((g, gi) => {
      out.push(`    "${groupId(ci, gi)}" [shape=hexagon, label=${label(groupLines(g))}];`);
      for (const m of g.members) {
        const style = m.role === 'MASTER' ? 'bold' : m.role === 'BACKUP' ? 'solid' : 'dashed';
        out.push(`    "${groupId(ci, gi)}" -> "${ids.get(m.root)}" [label=${label(memberLines(m))}, style=${style}];`);
      }
    });
    out.push('  }');
  });
  out.push('}');
  return out.join('\n');
}

/** A quoted DOT label of several lines (`\n` is Graphviz's line break inside a label). */
function label(lines: readonly string[]): string {
  return `"${lines.map(dotText).join('\\n')}"`;
}

/**
 * Text for inside a quoted DOT label: a backslash is doubled (Graphviz reads
 * `\N`, `\G`, `\l` as escapes in labels), a quote escaped, `&` written as
 * `&amp;` and control characters as `&#N;` (Graphviz decodes HTML entities
 * in labels, so `&lt;` in a name would otherwise show as `<`).
 */
export function dotText(text: string): string {
  return text.replace(/[\\"&\x00-\x1f\x7f]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '&' ? '&amp;' : `&#${c.charCodeAt(0)};`));
}
