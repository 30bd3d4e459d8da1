import { MAX_SKEW, type VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { setVhidParamEdits } from './carp-vhid-edits';
import type { FixProposal } from './types';

/** The interval a member would advertise at with these settings (sys/netinet/ip_carp.c: advbase + DEMOTE_ADVSKEW/256). */
export function intervalWith(m: VhidMember, advbase: number, advskew: number): number {
  return advbase + Math.min(Math.max(advskew + m.config.demotion, 0), MAX_SKEW) / 256;
}

/**
 * The advskew closest above `m`'s (up to 240: above it nothing changes)
 * that gives an interval no other member has; undefined when every such
 * value is taken or the clamp already holds `m` at 240.
 */
export function nextFreeAdvskew(m: VhidMember, advbase: number, takenIntervals: ReadonlySet<number>): number | undefined {
  for (let v = m.advskew + 1; v <= MAX_SKEW; v++) {
    if (!takenIntervals.has(intervalWith(m, advbase, v))) return v;
    if (v + m.config.demotion >= MAX_SKEW) break; // clamped: every higher value counts the same
  }
  return undefined;
}

/** The advskew closest below `m`'s that gives an interval no other member has. */
function previousFreeAdvskew(m: VhidMember, takenIntervals: ReadonlySet<number>): number | undefined {
  for (let v = Math.min(m.advskew, MAX_SKEW + 1) - 1; v >= 0; v--) if (!takenIntervals.has(intervalWith(m, m.advbase, v))) return v;
  return undefined;
}

/**
 * Fix for carp/advskew-tie on `m`: raise its advskew to the next value
 * whose interval no other member of the group has, so `m` becomes the
 * BACKUP of the nodes it tied with. When the clamp to 240 already holds it
 * (245 and 250 both count as 240), raising changes nothing; then, if `m`
 * has the lowest written advskew of the tie (the one meant to rank first),
 * it is lowered to the closest free value instead, which keeps that order.
 * When one node (`keepMaster`) is MASTER of the cluster's other vhids, it is
 * the one lowered and the others are raised, so the fix does not split the
 * cluster's addresses between nodes (carp/split-master).
 */
export function advskewTieFix(
  workspace: WorkspaceView,
  m: VhidMember,
  members: readonly VhidMember[],
  tiedWith: readonly VhidMember[],
  keepMaster?: string,
): FixProposal | undefined {
  const taken = new Set(members.filter((o) => o !== m).map((o) => o.interval));
  // The MASTER of the cluster's other vhids moves down to win this one too; any other node only moves up.
  const up = m.root === keepMaster ? undefined : nextFreeAdvskew(m, m.advbase, taken);
  const mayLower = keepMaster === undefined ? up === undefined && tiedWith.every((o) => o.advskew >= m.advskew) : m.root === keepMaster;
  const down = mayLower ? previousFreeAdvskew(m, taken) : undefined;
  const value = up ?? down;
  if (value === undefined) return undefined;
  const changes = setVhidParamEdits(workspace, m.vhid, 'advskew', String(value));
  if (!changes) return undefined;
  return { title: `${up !== undefined ? 'Raise' : 'Lower'} this node's advskew to ${value} on vhid ${m.vhid.vhid}`, isPreferred: up !== undefined, changes };
}
