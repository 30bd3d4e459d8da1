import type { NodeConfig } from '../model/node-config';
import { replaceEdit } from './loader-sysctl-edits';
import { appendToNodeFile, pathInNode } from './node-file-edits';
import type { FileEdit, FixProposal } from './types';

const OID = 'net.inet.carp.preempt';

/**
 * The change that makes a node boot with preemption on: the preempt line in
 * force (the last one rc.d/sysctl applies) gets the value 1, or, when no
 * file sets it, `net.inet.carp.preempt=1` is appended to the node's
 * sysctl.conf, created where FreeBSD reads it (etc/sysctl.conf) if missing.
 * Never loader.conf: preempt is not a loader tunable.
 */
export function enablePreemptChange(config: NodeConfig): { change: FileEdit; where: string } {
  const current = config.sysctl.get(OID);
  if (current) {
    const s = current.setting;
    return { change: { uri: current.doc.uri, edits: [replaceEdit(current.doc, s.valueStart, s.valueEnd, '1')] }, where: pathInNode(config.files, current.doc.uri) };
  }
  const append = appendToNodeFile(config.files, 'sysctl', `${OID}=1`);
  return { change: append.change, where: `${append.rel}${append.created ? ' (new file)' : ''}` };
}

/** Fix: preemption on in this node's sysctl.conf. */
export function enablePreemptFix(config: NodeConfig): FixProposal {
  const { change, where } = enablePreemptChange(config);
  return { title: `Set ${OID}=1 in ${where}`, isPreferred: true, changes: [change] };
}

/**
 * Fix: preemption on in every given node at once (one change per node), so
 * that turning it on in one node does not leave the cluster disagreeing.
 */
export function enablePreemptEverywhereFix(configs: readonly NodeConfig[]): FixProposal {
  const changes = configs.map((c) => enablePreemptChange(c).change);
  const names = configs.map((c) => c.name).join(', ');
  return { title: `Set ${OID}=1 on ${configs.length === 1 ? names : `every node (${names})`}`, isPreferred: true, changes };
}
