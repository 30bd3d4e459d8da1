import type { VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { listNames as list, mergeFileEdits, passAsKept, setVhidParamEdits } from './carp-vhid-edits';
import type { FileEdit, FixProposal } from './types';

/** ifconfig keeps 19 bytes of a pass (CARP_KEY_LEN 20, strlcpy in sbin/ifconfig/carp.c setcarp_callback()). */
const KEPT = 19;

/**
 * Fixes for carp/pass-mismatch on `self`'s line: one per distinct pass of
 * the other nodes ("Use fw2's pass on this vhid"). Each gives that pass to
 * every member whose key differs, this node first, so the group ends up
 * with one key even when three nodes disagree. A pass longer than 19
 * bytes is copied as the 19 bytes the peer's kernel keeps (then no
 * carp/pass-truncated comes with it). When only peers without a pass
 * differ, the fix gives them this node's pass instead (a missing pass
 * cannot be copied: the kernel ignores an empty key). Titles never show
 * a pass; the edits hold the real one.
 */
export function passMismatchFixes(workspace: WorkspaceView, self: VhidMember, members: readonly VhidMember[], keyOf: (m: VhidMember) => string): FixProposal[] {
  const fixes: FixProposal[] = [];
  const done = new Set<string>([keyOf(self), '']);
  for (const source of members) {
    const key = keyOf(source);
    const pass = source.vhid.pass?.param.value?.text;
    if (source.root === self.root || done.has(key) || pass === undefined) continue;
    done.add(key);
    const changes = giveAll(workspace, members, key, keyOf, passAsKept(pass, KEPT));
    if (!changes) continue;
    const holders = names(members.filter((m) => keyOf(m) === key));
    const alsoOn = names(members.filter((m) => keyOf(m) !== key && m.root !== self.root));
    const whose = holders.length === 1 ? `${holders[0]}'s pass` : `the pass of ${list(holders)}`;
    fixes.push({ title: `Use ${whose} on this vhid${alsoOn.length > 0 ? ` (and on ${list(alsoOn)})` : ''}`, changes });
  }
  const own = self.vhid.pass?.param.value?.text;
  if (fixes.length === 0 && own !== undefined) {
    const key = keyOf(self);
    const changes = giveAll(workspace, members, key, keyOf, passAsKept(own, KEPT));
    if (changes) fixes.push({ title: `Use this node's pass on ${list(names(members.filter((m) => keyOf(m) !== key)))}`, changes });
  }
  return fixes;
}

function giveAll(workspace: WorkspaceView, members: readonly VhidMember[], key: string, keyOf: (m: VhidMember) => string, pass: string): FileEdit[] | undefined {
  const lists: FileEdit[][] = [];
  for (const m of members) {
    if (keyOf(m) === key) continue;
    const edits = setVhidParamEdits(workspace, m.vhid, 'pass', pass);
    if (!edits) return undefined;
    lists.push(edits);
  }
  return mergeFileEdits(lists);
}

function names(members: readonly VhidMember[]): string[] {
  return [...new Set(members.map((m) => m.node))];
}
