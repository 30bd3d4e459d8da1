import type { TopologyResult } from '../protocol';
import { clusterTitle, groupId, groupLines, memberLines, nodeId, nodeLines } from './topology-labels';

/**
 * The topology as a Mermaid flowchart: a subgraph per cluster, a hexagon per
 * vhid group, an edge from the group to each member's node labelled with
 * its role (thick to the MASTER, dotted with a cross to a failed or inactive member).
 * Every label is a quoted string whose config-derived characters are
 * Mermaid entity codes, so a hostname with quotes, brackets or `<script>`
 * stays text (and Mermaid renders `#60;` as the character `<`).
 */
export function formatMermaid(result: TopologyResult): string {
  const out = ['flowchart LR'];
  if (result.clusters.length === 0) out.push(`  none[${label(['no CARP vhid found'])}]`);
  const failedIds: string[] = [];
  result.clusters.forEach((cluster, ci) => {
    const ids = new Map(cluster.nodes.map((n, ni) => [n.root, nodeId(ci, ni)]));
    out.push(`  subgraph c${ci}[${label([clusterTitle(cluster)])}]`);
    cluster.nodes.forEach((n, ni) => {
      out.push(`    ${nodeId(ci, ni)}[${label(nodeLines(n))}]`);
      if (n.failed) failedIds.push(nodeId(ci, ni));
    });
    cluster.groups.forEach((g, gi) => {
      out.push(`    ${groupId(ci, gi)}{{${label(groupLines(g))}}}`);
      for (const m of g.members) {
        const arrow = m.role === 'MASTER' ? '==>' : m.role === 'BACKUP' ? '-->' : '-.-x';
        out.push(`    ${groupId(ci, gi)} ${arrow}|${label(memberLines(m))}| ${ids.get(m.root)}`);
      }
    });
    out.push('  end');
  });
  if (failedIds.length > 0) {
    out.push('  classDef failed stroke-dasharray: 5 5');
    out.push(`  class ${failedIds.join(',')} failed`);
  }
  return out.join('\n');
}

/** A quoted Mermaid label of several lines. */
function label(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br>')}"`;
}

/**
 * Text for inside a quoted Mermaid label: every character other than
 * letters, digits and a few harmless punctuation marks becomes an entity
 * code (`#34;` for `"`), which Mermaid decodes only when it renders the text.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) out += /^[A-Za-z0-9 .,:/()_-]$/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}
