import type { VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { listNames, mergeFileEdits, renumberVhidEdits } from './carp-vhid-edits';
import type { FileEdit, FixProposal } from './types';

/** CARP_MAXVHID (sys/netinet/ip_carp.h): vhids run from 1 to 255. */
const MAX_VHID = 255;

/**
 * The first vhid after `current` (wrapping past 255 to 1) that is not in
 * `taken`: every number used on the group's segments, reserved there, or
 * used on a member's parent interface (a vhid is one object per
 * interface, sys/netinet/ip_carp.c, whatever subnet its addresses are in).
 */
export function nextFreeVhid(current: number, taken: ReadonlySet<number>): number | undefined {
  for (let i = 1; i < MAX_VHID; i++) {
    const v = ((current - 1 + i) % MAX_VHID) + 1;
    if (!taken.has(v)) return v;
  }
  return undefined;
}

/**
 * Fix for carp/vhid-collision: renumber this group's vhid on every member,
 * in one edit over each member's files (a group renumbered on one node
 * only would split), to the next number free on the segment.
 */
export function renumberGroupFix(workspace: WorkspaceView, self: VhidMember, members: readonly VhidMember[], taken: ReadonlySet<number>): FixProposal | undefined {
  const to = nextFreeVhid(self.vhid.vhid, taken);
  if (to === undefined) return undefined;
  const lists: FileEdit[][] = [];
  for (const m of members) {
    const edits = renumberVhidEdits(workspace, m.vhid, to);
    if (!edits) return undefined;
    lists.push(edits);
  }
  const others = [...new Set(members.filter((m) => m.root !== self.root).map((m) => m.node))];
  return {
    title: `Change vhid ${self.vhid.vhid} to ${to} on this node${others.length > 0 ? ` and on ${listNames(others)}` : ''}`,
    changes: mergeFileEdits(lists),
  };
}
