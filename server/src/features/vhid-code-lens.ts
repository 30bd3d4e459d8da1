import type { CodeLens } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import { nodeConfig } from '../model/node-config';
import { REVEAL_GROUP_COMMAND, type RevealGroupArgs, type TopologyGroup, type TopologyMember } from '../protocol';
import { clusterOfNode, groupOf, groupView, viewMember } from './vhid-spot';

/**
 * A CodeLens above each line that introduces a vhid on its node (the first
 * ifconfig command network.subr runs for it; one lens per vhid, so an
 * `_aliases` line with two vhids has two): the role the election predicts
 * and who else is in the group, e.g. `MASTER · backups: fw2 (advskew 100)`
 * or `BACKUP of fw1`. Ties, missing peers and legacy carpN members are said
 * as they are. The text is the CARP view's (features/topology.ts); the lens
 * runs REVEAL_GROUP_COMMAND, which the client registers, to show the group
 * there. The titles depend on other nodes' files: the server asks the client
 * to refresh lenses when the topology changes.
 */
export function vhidCodeLenses(doc: ParsedDocument, workspace: WorkspaceView): CodeLens[] {
  if (doc.kind !== 'rc') return [];
  const node = workspace.nodeOf(doc.uri);
  const config = nodeConfig(node);
  const here = config.vhids.filter((v) => v.items[0]?.source.uri === doc.uri);
  if (here.length === 0) return [];
  const cluster = clusterOfNode(workspace, doc.uri);
  const out: { at: number; vhid: number; lens: CodeLens }[] = [];
  for (const v of here) {
    const found = groupOf(cluster, node.root, v.ifKey, v.vhid);
    const view = cluster && found && groupView(workspace, cluster, found.group);
    const me = view && viewMember(view, node.root, found.member.ifName);
    if (!view || !me) continue;
    const a = v.items[0].source.assignment;
    const args: RevealGroupArgs = { vhid: view.vhid, segment: view.segment };
    out.push({
      at: a.start,
      vhid: v.vhid,
      lens: { range: doc.lines.range(a.nameStart, a.nameEnd), command: { title: lensTitle(view, me), command: REVEAL_GROUP_COMMAND, arguments: [args] } },
    });
  }
  return out.sort((x, y) => x.at - y.at || x.vhid - y.vhid).map((x) => x.lens);
}

/** The lens text of one member: its role, then the others. */
export function lensTitle(view: TopologyGroup, me: TopologyMember): string {
  const others = view.members.filter((m) => m !== me);
  if (others.length === 0) return `${roleOf(me)} · no peer in the workspace`;
  const inactive = others.filter((m) => m.role === 'INACTIVE');
  const tail = inactive.length > 0 ? [`inactive: ${inactive.map((m) => `${m.node} (${m.interface})`).join(', ')}`] : [];
  const master = view.members.find((m) => m.role === 'MASTER');
  if (me.role === 'MASTER') {
    const tied = others.filter((m) => m.tie);
    const backups = others.filter((m) => m.role === 'BACKUP' && !m.tie);
    const head = tied.length > 0 ? `MASTER (tie with ${tied.map((m) => m.node).join(', ')})` : 'MASTER';
    const rest = backups.length > 0 ? [`backups: ${backups.map((m) => `${m.node} (${skewText(m, me)})`).join(', ')}`] : tied.length > 0 ? [] : ['no backup'];
    return [head, ...rest, ...tail].join(' · ');
  }
  if (me.role === 'BACKUP' && master) return [`BACKUP of ${master.node}${me.tie ? ' (tie: either may be MASTER)' : ''}`, ...tail].join(' · ');
  return [roleOf(me), master ? `MASTER: ${master.node}` : 'no MASTER', ...tail].join(' · ');
}

/** A member's own role; a legacy carpN member says why it never runs. */
function roleOf(me: TopologyMember): string {
  return me.role === 'INACTIVE' ? `INACTIVE (${me.interface} is never created on FreeBSD 10 and later)` : me.role;
}

/** `advskew 100`, with advbase when it differs from the MASTER's and what the kernel compares when demotion or the 240 cap changes it. */
function skewText(m: TopologyMember, master: TopologyMember): string {
  const parts = m.advbase === master.advbase ? [] : [`advbase ${m.advbase}`];
  parts.push(m.skew === m.advskew ? `advskew ${m.advskew}` : `advskew ${m.advskew}, counts as ${m.skew}`);
  return parts.join(', ');
}
