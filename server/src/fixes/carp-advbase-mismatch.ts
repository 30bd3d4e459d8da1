import type { VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { intervalWith, nextFreeAdvskew } from './carp-advskew-tie';
import { listNames, mergeFileEdits, setVhidParamEdits } from './carp-vhid-edits';
import type { FileEdit, FixProposal } from './types';

/**
 * Fixes for carp/advbase-mismatch on `self`'s line: one per advbase the
 * other nodes use ("Use fw2's advbase 1 on this vhid"), given to every
 * member that differs, so three disagreeing nodes end up aligned. A node
 * that differed only by its advbase would tie once aligned (advbase 2
 * advskew 0 against advbase 1 advskew 0): its advskew is then raised to
 * the next free value too, and the title says so (the changed node ends
 * up BACKUP of the node it tied with). No such fix is offered when the node
 * to raise is `keepMaster`, the MASTER of the cluster's other vhids.
 */
export function advbaseMismatchFixes(workspace: WorkspaceView, self: VhidMember, members: readonly VhidMember[], keepMaster?: string): FixProposal[] {
  const fixes: FixProposal[] = [];
  const done = new Set<number>([self.advbase]);
  for (const source of members) {
    const value = source.advbase;
    if (source.root === self.root || done.has(value)) continue;
    done.add(value);
    const changing = members.filter((m) => m.advbase !== value);
    const staying = members.filter((m) => m.advbase === value);
    const taken = new Set(staying.map((m) => m.interval));
    const lists: FileEdit[][] = [];
    const raised: string[] = [];
    let complete = true;
    for (const m of changing) {
      const advbase = setVhidParamEdits(workspace, m.vhid, 'advbase', String(value));
      complete = advbase !== undefined;
      if (!advbase) break;
      lists.push(advbase);
      let interval = intervalWith(m, value, m.advskew);
      if (taken.has(interval)) {
        // Not the node that is MASTER of the cluster's other vhids: raising it would split the cluster (carp/split-master).
        if (m.root === keepMaster) {
          complete = false;
          break;
        }
        const advskew = nextFreeAdvskew(m, value, taken);
        const edits = advskew === undefined ? undefined : setVhidParamEdits(workspace, m.vhid, 'advskew', String(advskew));
        complete = advskew !== undefined && edits !== undefined;
        if (advskew === undefined || !edits) break;
        lists.push(edits);
        raised.push(`${m.root === self.root ? 'this node' : m.node}'s advskew to ${advskew}`);
        interval = intervalWith(m, value, advskew);
      }
      taken.add(interval);
    }
    if (!complete) continue;
    const holders = [...new Set(staying.map((m) => m.node))];
    const alsoOn = [...new Set(changing.filter((m) => m.root !== self.root).map((m) => m.node))];
    const title =
      `Use ${holders.length === 1 ? `${holders[0]}'s` : `the`} advbase ${value} on this vhid${alsoOn.length > 0 ? ` (and on ${listNames(alsoOn)})` : ''}` +
      `${raised.length > 0 ? `, raising ${listNames(raised)} to avoid a tie` : ''}`;
    fixes.push({ title, changes: mergeFileEdits(lists) });
  }
  return fixes;
}
