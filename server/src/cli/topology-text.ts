import type { TopologyGroup, TopologyMember, TopologyResult } from '../protocol';
import { MASKED_PASSWORD } from '../model/mask';
import { displayPath } from './report';

/** What the text and json outputs need beside the payload: paths for URIs, and each member's pass when it is shown. */
export interface TopologyShow {
  cwd: string;
  /** The pass a member's vhid ends up with (undefined when none); shown masked unless `showPasswords`. */
  passOf(member: TopologyMember): string | undefined;
  showPasswords: boolean;
}

/** A member's pass as the CLI prints it: masked (so only its presence shows), as written, or null when the vhid has none. */
export function shownPass(member: TopologyMember, show: TopologyShow): string | null {
  const pass = show.passOf(member);
  if (pass === undefined) return null;
  return show.showPasswords ? pass : MASKED_PASSWORD;
}

/**
 * The topology as text, one cluster after another:
 *
 *   cluster fw1, fw2
 *     vhid 1 on 192.0.2.0/24: 192.0.2.1
 *       MASTER  fw1  em0  advbase 1  advskew 0    pass ••••••  fw1/etc/rc.conf:3
 *       BACKUP  fw2  em0  advbase 1  advskew 100  pass ••••••  fw2/etc/rc.conf:3
 */
export function formatTopologyText(result: TopologyResult, show: TopologyShow): string {
  const lines: string[] = [];
  const name = new Map<string, string>();
  for (const c of result.clusters) for (const n of c.nodes) name.set(n.root, printable(n.name));
  if (result.failed.length > 0) lines.push(`failed: ${result.failed.map((r) => name.get(r) ?? printable(displayPath(r, show.cwd))).join(', ')}`);
  if (result.clusters.length === 0) lines.push('no CARP vhid found');
  for (const cluster of result.clusters) {
    lines.push(`cluster ${cluster.nodes.map((n) => `${printable(n.name)}${n.failed ? ' (failed)' : ''}`).join(', ')}`);
    for (const group of cluster.groups) groupLines(group, show, lines);
  }
  return lines.join('\n');
}

function groupLines(group: TopologyGroup, show: TopologyShow, lines: string[]): void {
  lines.push(`  vhid ${group.vhid}${group.segment ? ` on ${group.segment}` : ''}: ${group.addresses.join(' ')}`);
  const rows = group.members.map((m) => [
    m.role,
    printable(m.node),
    m.interface,
    `advbase ${m.advbase}`,
    m.skew === m.advskew ? `advskew ${m.advskew}` : `advskew ${m.advskew} (${m.skew} with demotion)`,
    passColumn(m, show),
    `${printable(displayPath(m.location.uri, show.cwd))}:${m.location.range.start.line + 1}`,
    notes(m, group),
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  for (const r of rows) lines.push(`    ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}`.trimEnd());
  const tied = group.members.filter((m) => m.tie).map((m) => printable(m.node));
  if (tied.length > 0) lines.push(`    tie: ${tied.join(', ')} advertise equally often, so which one is MASTER depends on timing`);
  if (group.master === null) lines.push(`    no MASTER: no member is left, so ${group.addresses.join(' ')} ${group.addresses.length === 1 ? 'is' : 'are'} down`);
}

function passColumn(m: TopologyMember, show: TopologyShow): string {
  const pass = shownPass(m, show);
  return pass === null ? 'no pass' : `pass ${printable(pass)}`;
}

function notes(m: TopologyMember, group: TopologyGroup): string {
  const out: string[] = [];
  if (m.addresses.join(' ') !== group.addresses.join(' ')) out.push(`holds ${m.addresses.join(' ')} only`);
  if (m.role === 'INACTIVE') out.push(`${m.interface} does not exist since FreeBSD 10: this vhid is never configured`);
  if (m.uncertain) out.push('the interface has a value that cannot be read: settings may differ');
  return out.join('; ');
}

/**
 * Node names can come from folder names, which may hold anything: control
 * characters are shown as \xNN so a name cannot move the cursor or recolour
 * the terminal the output is read in.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
