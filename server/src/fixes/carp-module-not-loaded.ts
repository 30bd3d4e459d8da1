import type { NodeConfig } from '../model/node-config';
import { setValueEdit } from './loader-load-value';
import { appendToNodeFile, pathInNode } from './node-file-edits';
import type { FixProposal } from './types';

/**
 * Fix for `carp/module-not-loaded`: have the loader load carp.ko. A
 * `carp_load` line of the node's own that says something else ("NO", "1")
 * gets the value YES, so no second line contradicts it; otherwise
 * `carp_load="YES"` is appended to the node's loader.conf, which is created
 * (boot/loader.conf in a root layout) when the node has none.
 */
export function loadCarpFix(config: NodeConfig): FixProposal {
  const node = config.files;
  const current = config.loader.get('carp_load');
  if (current && !current.fromDefaults) {
    return {
      title: `Set carp_load to "YES" in ${pathInNode(node, current.doc.uri)}`,
      isPreferred: true,
      changes: [{ uri: current.doc.uri, edits: [setValueEdit(current.doc, current.setting, 'YES')] }],
    };
  }
  const append = appendToNodeFile(node, 'loader', 'carp_load="YES"');
  return { title: `Add carp_load="YES" to ${append.rel}${append.created ? ' (new file)' : ''}`, isPreferred: true, changes: [append.change] };
}
