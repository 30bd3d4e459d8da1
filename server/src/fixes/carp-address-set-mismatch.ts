import type { VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { nextAliasNumber } from '../model/rc-interfaces';
import { hostPrefix } from '../model/if-address';
import { listNames, mergeFileEdits } from './carp-vhid-edits';
import type { FileEdit, FixProposal } from './types';

/** ifconfig keeps 19 bytes of a pass (sbin/ifconfig/carp.c setcarp_callback()). */
const KEPT = 19;

/** What one member lacks: its vhid's addresses compared with the group's. */
export interface Lack {
  member: VhidMember;
  addresses: readonly string[];
}

/**
 * Fix for carp/address-set-mismatch: give every member that lacks some of
 * the group's addresses a new `ifconfig_<if>_alias<N>` line per address,
 * at the next free N (gaps are fine: libexec/rc/network.subr
 * ifalias_af_common() lists the variables that are set), right after the
 * vhid's last line. Each line follows that node's own lines: the same
 * vhid, and the advskew, advbase, pass and peer in force when its lines
 * state them (a line without `peer` would return a unicast vhid to
 * multicast; a pass longer than 19 bytes is left out, the vhid keeps its
 * key), with the address as a host route (/32 or /128), as the Handbook
 * writes VIPs. Undefined when a line cannot be placed (an empty alias
 * stops network.subr before it, or the file is gone).
 */
export function addMissingAddressesFix(workspace: WorkspaceView, self: VhidMember, lacks: readonly Lack[]): FixProposal | undefined {
  const lists: FileEdit[][] = [];
  const vars: string[] = [];
  for (const lack of lacks) {
    const edit = aliasLines(workspace, lack);
    if (!edit) return undefined;
    lists.push([edit.change]);
    for (const v of edit.vars) vars.push(v);
  }
  if (lists.length === 0) return undefined;
  const vhid = self.vhid.vhid;
  const mine = lacks.find((l) => l.member === self);
  const others = lacks.filter((l) => l.member.root !== self.root).map((l) => l.member.node);
  let title: string;
  if (mine && others.length === 0) title = `Add ${listNames(mine.addresses)} to vhid ${vhid} on this node (${listNames(vars)})`;
  else if (!mine && lacks.length === 1) title = `Add ${listNames(lacks[0].addresses)} to vhid ${vhid} on ${lacks[0].member.node} (${listNames(vars)})`;
  else title = `Add the missing addresses of vhid ${vhid} on ${listNames([...(mine ? ['this node'] : []), ...new Set(others)])}`;
  return { title, changes: mergeFileEdits(lists) };
}

function aliasLines(workspace: WorkspaceView, lack: Lack): { change: FileEdit; vars: string[] } | undefined {
  const { member } = lack;
  const v = member.vhid;
  const iface = member.config.interfaces.interfaces.get(v.ifKey);
  const next = nextAliasNumber(iface);
  const last = v.items[v.items.length - 1];
  const doc = last && workspace.get(last.source.uri);
  if (!doc || next.blocked) return undefined;
  const settings: string[] = ['vhid', String(v.vhid)];
  for (const key of ['advskew', 'advbase', 'pass', 'peer', 'peer6'] as const) {
    const word = v[key]?.param.value?.text;
    if (word === undefined || (key === 'pass' && new TextEncoder().encode(word).length > KEPT)) continue;
    settings.push(key, word);
  }
  const vars: string[] = [];
  const lines = lack.addresses.map((address, i) => {
    const name = `ifconfig_${v.ifKey}_alias${next.n + i}`;
    vars.push(name);
    const family = address.includes(':') ? 'inet6' : 'inet';
    return `${name}="${[family, ...settings, 'alias', `${address}/${hostPrefix(family)}`].join(' ')}"`;
  });
  const at = doc.lines.lineEnd(doc.lines.positionAt(last.source.assignment.end).line);
  const eol = doc.lines.eol;
  return { change: { uri: doc.uri, edits: [{ range: doc.lines.range(at, at), newText: lines.map((l) => `${eol}${l}`).join('') }] }, vars };
}
