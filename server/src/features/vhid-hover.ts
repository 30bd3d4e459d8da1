import type { Hover } from 'vscode-languageserver-types';
import type { RcDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { TopologyGroup, TopologyMember } from '../protocol';
import { secretsOf } from '../model/carp-pass';
import { MAX_SKEW } from '../model/cluster';
import { overlapsSpan } from '../model/mask';
import { manLink } from './knob-docs';
import { inlineCode as code } from './markdown-text';
import { groupView, vhidSpotAt, type NotInForce, type VhidSpot } from './vhid-spot';

/**
 * The hover on a vhid number or a VIP in rc.conf: its group (vhid, segment,
 * VIPs) and each member with its node, interface, advbase, advskew,
 * advertisement interval and predicted role, as the CARP view shows them
 * (features/topology.ts). The keywords (`vhid`, `advskew`, ...) keep their
 * documentation hover: that one reads the same on every line, and the
 * group table is a different question, asked on the number or the address.
 * A pass is never part of it; config text (node and interface names) is
 * shown as inline code, so it cannot become a link or markup.
 */
export function vhidGroupHover(doc: RcDocument, offset: number, workspace: WorkspaceView, options: { showPasswords: boolean }): Hover | null {
  const spot = vhidSpotAt(doc, offset, workspace, 'strict');
  if (!spot || (spot.part !== 'address' && (spot.part !== 'vhid' || spot.onKeyword))) return null;
  if (!spot.group || !spot.cluster) return null;
  // A word model/carp-pass counts as (part of) a pass gets the keyword hover, which masks it.
  if (!options.showPasswords && overlapsSpan(secretsOf(doc, workspace).spans(doc.uri), spot.word.start, spot.word.end)) return null;
  const view = groupView(workspace, spot.cluster, spot.group);
  if (!view) return null;
  return { contents: { kind: 'markdown', value: groupMarkdown(view, spot, workspace) }, range: doc.lines.range(spot.word.start, spot.word.end) };
}

function groupMarkdown(view: TopologyGroup, spot: VhidSpot, workspace: WorkspaceView): string {
  const lines: string[] = [];
  if (spot.notInForce) lines.push(`_${notInForceText(spot, spot.notInForce, workspace)}_`, '');
  const nodes = new Set(view.members.map((m) => m.root)).size;
  const where = view.segment === null ? '(subnet unknown)' : `on ${code(view.segment)}`;
  lines.push(`**vhid ${view.vhid}** ${where} — CARP group of ${nodes} ${nodes === 1 ? 'node' : 'nodes'}`, '');
  lines.push(`VIPs: ${view.addresses.map(code).join(', ')}`, '');
  for (const m of view.members) lines.push(memberLine(m, spot));
  for (const note of groupNotes(view)) lines.push('', note);
  lines.push(
    '',
    'Predicted from the files: the member that advertises most often (advbase + advskew/256 s, with the node\'s demotion) is MASTER.',
    '',
    manLink('carp'),
  );
  return lines.join('\n');
}

/** `- **MASTER** `fw1` on `em0`: advbase 1, advskew 0, every 1.000 s (this line)` */
function memberLine(m: TopologyMember, spot: VhidSpot): string {
  const role = m.role === 'MASTER' ? '**MASTER**' : m.role;
  const tie = m.tie ? ' (tie)' : '';
  const skew = m.skew === m.advskew ? `advskew ${m.advskew}` : `advskew ${m.advskew} (${skewNote(m)})`;
  const facts = [`advbase ${m.advbase}`, skew, `every ${m.interval.toFixed(3)} s`];
  const notes: string[] = [];
  if (m.root === spot.root && m.interface === spot.ifName) notes.push(spot.notInForce ? 'this node' : 'this line');
  if (m.role === 'INACTIVE') notes.push('a carpN interface of FreeBSD 9 and earlier: never created since 10.0');
  if (m.uncertain) notes.push('may differ: the interface has a value the shell computes at boot');
  return `- ${role}${tie} ${code(m.node)} on ${code(m.interface)}: ${facts.join(', ')}${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`;
}

/** Why the skew the kernel compares is not the advskew written: the node's demotion is added, and the sum is capped at 240. */
function skewNote(m: TopologyMember): string {
  return m.advskew >= MAX_SKEW && m.skew === MAX_SKEW ? `counts as ${MAX_SKEW}, the most CARP compares` : `counts as ${m.skew} with the node's demotion`;
}

/** What a reader must know about the election as a whole: a tie, a missing peer, no MASTER at all. */
function groupNotes(view: TopologyGroup): string[] {
  const active = view.members.filter((m) => m.role === 'MASTER' || m.role === 'BACKUP');
  const tied = view.members.filter((m) => m.tie);
  const out: string[] = [];
  if (tied.length > 0) {
    out.push(
      `**Tie**: ${names(tied)} advertise every ${tied[0].interval.toFixed(3)} s, so which one ends up MASTER depends on timing. ` +
        'Give each node a different advskew.',
    );
  }
  if (view.members.length === 1) out.push('No other node in the workspace has this vhid with one of these addresses: no peer.');
  else if (active.length === 0) out.push('No member takes part in the election: nobody holds the VIPs.');
  else if (active.length === 1) out.push('No other member takes part in the election: no backup.');
  return out;
}

function names(members: readonly TopologyMember[]): string {
  const list = members.map((m) => code(m.node));
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function notInForceText(spot: VhidSpot, why: NotInForce, workspace: WorkspaceView): string {
  switch (why.why) {
    case 'overridden': {
      if (!why.by) return `This line is not in force: a later assignment of ${code(spot.assignment.name)} replaces it.`;
      const doc = workspace.get(why.by.uri);
      const line = doc ? ` (line ${doc.lines.positionAt(why.by.assignment.start).line + 1})` : '';
      const file = why.by.uri.slice(why.by.uri.lastIndexOf('/') + 1);
      const where = why.by.uri === spot.doc.uri ? `again further down${line}` : `again in ${code(file)}${line}, read after this file`;
      return `This line is not in force: ${code(spot.assignment.name)} is set ${where}. The group below is as the lines in force configure it.`;
    }
    case 'after-empty-alias':
      return `network.subr never runs this line: it stops at the empty ${code(`ifconfig_${spot.ifKey}_alias${why.stop}`)}.`;
    case 'not-modelled':
      return (
        `FreeBSD still applies the obsolete ${code(spot.assignment.name)} (with a warning), but the checks do not read it: ` +
        'this line is not counted as a member. The group below is the one its vhid joins.'
      );
  }
}
