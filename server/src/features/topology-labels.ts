import type { TopologyCluster, TopologyGroup, TopologyMember, TopologyNode } from '../protocol';

/**
 * The texts the two diagram formats show, as lines (each format joins and
 * escapes them its own way). Passwords never appear in a diagram: diagrams
 * get pasted into wikis and tickets.
 */

export function clusterTitle(cluster: TopologyCluster): string {
  return `cluster: ${cluster.nodes.map((n) => n.name).join(', ')}`;
}

export function nodeLines(node: TopologyNode): string[] {
  return node.failed ? [node.name, '(failed)'] : [node.name];
}

export function groupLines(group: TopologyGroup): string[] {
  const lines = [`vhid ${group.vhid}`, ...group.addresses];
  if (group.segment) lines.push(`on ${group.segment}`);
  if (group.master === null) lines.push('no MASTER');
  return lines;
}

export function memberLines(member: TopologyMember): string[] {
  const skew = member.skew === member.advskew ? `advskew ${member.advskew}` : `advskew ${member.advskew} (${member.skew} demoted)`;
  return [`${member.role}${member.tie ? ' (tie)' : ''}`, `${member.interface}, advbase ${member.advbase}, ${skew}`];
}

/** Diagram ids: made up from positions, never from config text, so no name can break out of its label. */
export function nodeId(clusterIndex: number, nodeIndex: number): string {
  return `c${clusterIndex}n${nodeIndex}`;
}

export function groupId(clusterIndex: number, groupIndex: number): string {
  return `c${clusterIndex}g${groupIndex}`;
}
