import type { Check, CheckContext, ClusterCheck, Finding } from './types';
import { isSuppressed } from '../model/suppression';
import type { ParsedDocument } from '../model/document';
import { LANGUAGE_IDS, type ConfKind } from '../model/kinds';
import type { WorkspaceView } from '../model/workspace-view';
import { inRulesetContext, unitsFor } from '../model/pf-ruleset';
import { fileChecks } from './file-checks';
import { rcChecks } from './rc-checks';
import { loaderChecks } from './loader-checks';
import { sysctlChecks } from './sysctl-checks';
import { carpChecks } from './carp-checks';
import { netChecks } from './net-checks';
import { pfChecks } from './pf-checks';
import { clusterChecks } from './cluster-checks';
import { clusterAround, vhidMembers, type Cluster, type VhidMember } from '../model/cluster';
import { nodeConfig } from '../model/node-config';
import { nodesLoading } from '../model/pf-node-ruleset';

/**
 * Every check, in the order their findings are listed. Adding a check means
 * writing checks/<code>.ts and listing it here; nothing else changes.
 */
export const CHECKS: readonly Check[] = [...fileChecks, ...rcChecks, ...loaderChecks, ...sysctlChecks, ...carpChecks, ...netChecks, ...pfChecks];

/** The checks of each file kind, in CHECKS order: checkDocument runs for every file of the workspace. */
const CHECKS_BY_KIND: ReadonlyMap<ConfKind, readonly Check[]> = new Map(
  (Object.keys(LANGUAGE_IDS) as ConfKind[]).map((kind) => [kind, CHECKS.filter((c) => c.kinds.includes(kind))]),
);

/** Every cross-node check, run once per CARP cluster. */
export const CLUSTER_CHECKS: readonly ClusterCheck[] = clusterChecks;

/** What failed, for the caller's log: a bug in one check must not cost the user the others. */
export type CheckErrorHandler = (check: Check | ClusterCheck, error: unknown) => void;

/**
 * Runs the file checks that apply to one document and drops suppressed
 * findings. A file check reports on the document it checks and nowhere else
 * (the one rule the editor and the CLI share): a finding about another file
 * is a bug, reported through `onError` and dropped. A check that throws is
 * caught and reported the same way.
 */
export function checkDocument(doc: ParsedDocument, workspace: WorkspaceView, onError: CheckErrorHandler = () => undefined): Finding[] {
  // pf files are checked within their ruleset (the files they include and those including them).
  const ctx: CheckContext = { doc: doc.kind === 'pf' ? inRulesetContext(doc, workspace) : doc, workspace };
  const findings: Finding[] = [];
  for (const check of CHECKS_BY_KIND.get(doc.kind) ?? []) {
    try {
      for (const f of check.run(ctx)) {
        if (f.uri !== doc.uri) throw new Error(`reported on ${f.uri}, not on the file it checks`);
        if (!isSuppressed(doc.suppressions, f.code, f.range.start.line)) findings.push(f);
      }
    } catch (error) {
      onError(check, error);
    }
  }
  return findings;
}

const clusterFindings = new WeakMap<Cluster, Finding[]>();

/**
 * Runs every cross-node check on one cluster, once per cluster object (the
 * workspace makes a new one when a member changes), and drops findings
 * silenced in the file they land in.
 */
export function checkCluster(cluster: Cluster, workspace: WorkspaceView, onError: CheckErrorHandler = () => undefined): Finding[] {
  const cached = clusterFindings.get(cluster);
  if (cached) return cached;
  const findings: Finding[] = [];
  for (const check of CLUSTER_CHECKS) {
    try {
      for (const f of check.run({ cluster, workspace })) {
        const target = workspace.get(f.uri);
        if (!target || !isSuppressed(target.suppressions, f.code, f.range.start.line)) findings.push(f);
      }
    } catch (error) {
      onError(check, error);
    }
  }
  clusterFindings.set(cluster, findings);
  return findings;
}

/** The cluster of the node holding `uri`: from the workspace's index, else by walking every node (a test's fake view). */
export function clusterOf(workspace: WorkspaceView, uri: string): Cluster | undefined {
  if (workspace.clusterOf) return workspace.clusterOf(uri);
  const members = new Map<string, VhidMember[]>();
  for (const node of workspace.nodes()) members.set(node.root, vhidMembers(node.root, nodeConfig(node)));
  return clusterAround(workspace.nodeOf(uri).root, members);
}

/**
 * The clusters whose cross-node checks may report on a file: its node's,
 * and for a pf file, those of the nodes that load a ruleset holding it (a
 * file in `etc/pf/` is a node of its own by path, but its rules are those
 * of the node whose `pf_rules` leads there).
 */
export function clustersAround(workspace: WorkspaceView, doc: ParsedDocument): Cluster[] {
  const out = new Set<Cluster>();
  const own = clusterOf(workspace, doc.uri);
  if (own) out.add(own);
  if (doc.kind === 'pf') {
    for (const unit of unitsFor(workspace, doc)) {
      for (const node of nodesLoading(workspace, unit.files[0].doc)) {
        const c = clusterOf(workspace, node.byKind.rc[0].uri);
        if (c) out.add(c);
      }
    }
  }
  return [...out];
}

/**
 * Everything reported on one file: its own checks, and what the cross-node
 * checks of its clusters found on it. The editor publishes this per file
 * and the CLI prints it per file, so both show the same findings once.
 */
export function findingsFor(doc: ParsedDocument, workspace: WorkspaceView, onError: CheckErrorHandler = () => undefined): Finding[] {
  const findings = checkDocument(doc, workspace, onError);
  for (const cluster of clustersAround(workspace, doc)) for (const f of checkCluster(cluster, workspace, onError)) if (f.uri === doc.uri) findings.push(f);
  return findings;
}
