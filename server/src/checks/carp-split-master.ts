import type { ClusterCheck, Finding, RelatedLocation } from './types';
import type { WorkspaceView } from '../model/workspace-view';
import { elect, MAX_SKEW, type VhidGroup, type VhidMember } from '../model/cluster';
import { manifestClusterOf, manifestNames } from '../model/manifest-lookup';
import { findingAtPlace, placeOf, vhidPlace, type Place } from './cluster-common';
import { electingGroups } from './cluster-nodes';

/** One group whose MASTER can be predicted. */
interface Decided {
  group: VhidGroup;
  master: VhidMember;
  runnerUp: VhidMember;
}

/**
 * The predicted MASTER (model/cluster.ts elect(): the member advertising
 * most often, advbase + min(advskew + demotion, 240)/256) is not the same
 * node for every vhid of a cluster: one node holds the uplink address and
 * the other the LAN gateway, so traffic enters through one node and leaves
 * through the other, and pf's states (kept on the node that saw the first
 * packet) do not match the return traffic unless pfsync keeps up. Usually
 * an advskew swapped on one line. A warning: active/active clusters do this
 * on purpose (freebsd-conf.json `activeActive` silences it).
 *
 * Only groups of two nodes or more with a clear winner count (a tie leaves
 * the MASTER to timing). The node that wins most groups (or the manifest's
 * `primary`) is taken as the intended MASTER and the other groups are
 * reported; when no node wins more groups than another, every group is.
 * Reported on each member's advskew (else vhid) word, with the groups the
 * intended MASTER wins as related information.
 */
export const carpSplitMaster: ClusterCheck = {
  code: 'carp/split-master',
  run({ cluster, workspace }) {
    const nameOf = (root: string): string => cluster.groups.flatMap((g) => g.members).find((m) => m.root === root)?.node ?? root;
    const manifest = workspace.manifest?.();
    const intent = manifestClusterOf(manifest, cluster, nameOf);
    if (intent?.activeActive) return [];
    const decided: Decided[] = [];
    for (const group of electingGroups(cluster)) {
      const e = elect(group);
      if (e.master && e.tiedWith.length === 0 && e.order[1]) decided.push({ group, master: e.master, runnerUp: e.order[1] });
    }
    const masters = new Set(decided.map((d) => d.master.root));
    if (masters.size < 2) return [];
    const wins = new Map<string, number>();
    for (const d of decided) wins.set(d.master.root, (wins.get(d.master.root) ?? 0) + 1);
    const ranked = [...wins].sort((a, b) => b[1] - a[1]);
    const primary = intent?.primary && manifest ? [...masters].find((r) => manifestNames(manifest, intent.primary!, r, nameOf(r))) : undefined;
    const intended = primary ?? (ranked[0][1] > ranked[1][1] ? ranked[0][0] : undefined);
    const findings: Finding[] = [];
    for (const d of decided) {
      if (d.master.root === intended) continue;
      const elsewhere = decided.filter((o) => o.master.root !== d.master.root);
      const otherText = elsewhere.map((o) => `${o.master.node} is MASTER of vhid ${o.group.vhid} (${o.master.ifName})`).join(', and ');
      const message =
        `${d.master.node} is the predicted MASTER of vhid ${d.group.vhid} (${d.master.ifName}: ${skewText(d.master)}, against ${skewText(d.runnerUp)} on ${d.runnerUp.node}), ` +
        `but ${otherText}. The cluster's addresses are split between nodes: traffic enters through one and leaves through the other (asymmetric routing, which pf's stateful rules survive only while pfsync keeps both nodes' states in step). ` +
        'Give the intended MASTER the lowest advskew on every vhid, or mark the cluster activeActive in freebsd-conf.json if the split is meant.';
      const related = relatedMasters(workspace, elsewhere);
      for (const m of d.group.members) {
        const place = skewPlace(workspace, m);
        if (place) findings.push(findingAtPlace('carp/split-master', place, message, { related }));
      }
    }
    return findings;
  },
};

/** `advskew 100`, `advskew 150 + demotion 80` or `... capped at 240`, with advbase when it is not 1. */
function skewText(m: VhidMember): string {
  const demotion = m.config.demotion;
  const demoted = demotion !== 0 ? ` + demotion ${demotion}${m.skew === MAX_SKEW ? `, capped at ${MAX_SKEW}` : ''}` : '';
  return `${m.advbase !== 1 ? `advbase ${m.advbase} ` : ''}advskew ${m.advskew}${demoted}`;
}

/** The word that decides a member's rank: its advskew (the line that set it last), else its vhid. */
function skewPlace(workspace: WorkspaceView, m: VhidMember): Place | undefined {
  const skew = m.vhid.advskew;
  if (skew) return placeOf(workspace, skew.item, { ...skew.param.keyword, end: (skew.param.value ?? skew.param.keyword).end });
  return vhidPlace(workspace, m);
}

function relatedMasters(workspace: WorkspaceView, others: readonly Decided[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const o of others) {
    const place = skewPlace(workspace, o.master);
    if (place) out.push({ ...place, message: `${o.master.node} is the predicted MASTER of vhid ${o.group.vhid} here (${skewText(o.master)})` });
  }
  return out;
}
