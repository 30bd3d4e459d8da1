import type { Check } from './types';
import type { ParsedDocument } from '../model/document';
import type { NodeFiles, WorkspaceView } from '../model/workspace-view';
import { findingAt } from './finding';

/**
 * file/not-in-a-node: a folder holds config files but no etc/rc.conf nor a
 * flat rc.conf, and no freebsd-conf.json entry names it. Its files are then
 * a "node" of their own, apart from the machine they belong to (a
 * loader.conf kept beside the repository's rc.conf files, a node whose
 * rc.conf lives under another name): that machine is checked without them
 * and the cross-node checks never see them. Reported once per folder, on its
 * first file, as information, and only where the whole folder was read (a
 * file checked alone, as pre-commit passes it, may have its rc.conf on disk)
 * and the workspace describes machines at all (a repository of pf rulesets
 * alone has no rc.conf anywhere, and nothing is missing).
 */
export const fileNotInANode: Check = {
  code: 'file/not-in-a-node',
  kinds: ['rc', 'loader', 'sysctl', 'pf'],
  run({ doc, workspace }) {
    if (!workspace.inWholeFolder?.(doc.uri)) return [];
    const node = workspace.nodeOf(doc.uri);
    if (node.name !== undefined || hasMainRcConf(node)) return [];
    if (ownFiles(node, workspace)[0]?.uri !== doc.uri) return [];
    if (!describesMachines(workspace)) return [];
    const manifest = workspace.manifest?.();
    if (manifest && [...manifest.nodes.values()].some((n) => n.root === node.root)) return [];
    const folder = folderName(node.root);
    const kinds = [...new Set(ownFiles(node, workspace).map((d) => `"${d.kind}": "…"`))].join(', ');
    const line = firstContentLine(doc);
    const start = doc.lines.lineStarts[line];
    return [
      findingAt(
        doc,
        'file/not-in-a-node',
        start,
        Math.max(start, doc.lines.lineEnd(line)),
        `The folder ${folder} holds config files but no etc/rc.conf or rc.conf, so they are checked as a machine of their own, apart from the node they belong to: that node is checked without them, and the cross-node CARP checks do not see them. List them for their node in freebsd-conf.json at the workspace root ("nodes": {"<node>": {"folder": "…", "files": {${kinds}}}}), or add the machine's rc.conf here.`,
      ),
    ];
  },
};

/** The last part of a folder URI, as its name shows in a file manager. */
function folderName(root: string): string {
  const last = root.slice(root.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `<root>/etc/rc.conf` or `<root>/rc.conf`: what makes a folder a node (model/node.ts). */
function hasMainRcConf(node: NodeFiles): boolean {
  return node.byKind.rc.some((d) => d.uri === `${node.root}/etc/rc.conf` || d.uri === `${node.root}/rc.conf`);
}

/** The node's files in URI order, leaving out pf files another file includes (they are where their includer says). */
function ownFiles(node: NodeFiles, workspace: WorkspaceView): ParsedDocument[] {
  const all = Object.values(node.byKind).flat();
  return all.filter((d) => d.kind !== 'pf' || (workspace.includersOf?.(d.uri).length ?? 0) === 0).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

const machines = new WeakMap<WorkspaceView, { version: number; any: boolean }>();

/** True when some node of the workspace has its rc.conf, computed once per workspace version. */
function describesMachines(workspace: WorkspaceView): boolean {
  const version = workspace.version?.();
  const cached = machines.get(workspace);
  if (cached && version !== undefined && cached.version === version) return cached.any;
  let any = false;
  for (const node of workspace.nodes()) {
    if (hasMainRcConf(node)) {
      any = true;
      break;
    }
  }
  if (version !== undefined) machines.set(workspace, { version, any });
  return any;
}

/**
 * The first line holding more than a comment, where "ignore on this line"
 * can go above it; in a file of comments only, its last comment (a
 * directive put above it still silences it); line 0 in an empty file.
 */
function firstContentLine(doc: ParsedDocument): number {
  let lastComment = 0;
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line).replace(/^\uFEFF/, '').trim();
    if (text !== '' && !text.startsWith('#')) return line;
    if (text !== '') lastComment = line;
  }
  return lastComment;
}
