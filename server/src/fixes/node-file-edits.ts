import type { ParsedDocument } from '../model/document';
import type { ConfKind } from '../model/kinds';
import { nodeFileUri } from '../model/node';
import type { NodeFiles } from '../model/workspace-view';
import type { FileEdit } from './types';

/** Edit appending one line at the end of a document, after a line break when the file lacks a final one. */
export function appendLineEdit(doc: ParsedDocument, line: string): FileEdit {
  const end = doc.lines.positionAt(doc.text.length);
  const eol = doc.lines.eol;
  const needsBreak = doc.text.length > 0 && !/[\r\n]$/.test(doc.text);
  return { uri: doc.uri, edits: [{ range: { start: end, end }, newText: (needsBreak ? eol : '') + line + eol }] };
}

/**
 * Appends a line to a node's main file of a kind (boot/loader.conf,
 * etc/sysctl.conf), creating it where FreeBSD reads it when the node has
 * none (`create`: the code-action layer offers such a fix only to clients
 * that can create files). `rel` is the file's path in the node, for titles.
 */
export function appendToNodeFile(node: NodeFiles, kind: ConfKind, line: string): { change: FileEdit; rel: string; created: boolean } {
  const target = nodeFileUri(node, kind);
  const rel = target.uri.startsWith(`${node.root}/`) ? target.uri.slice(node.root.length + 1) : target.uri;
  const existing = node.byKind[kind].find((d) => d.uri === target.uri);
  if (existing) return { change: appendLineEdit(existing, line), rel, created: false };
  const at = { line: 0, character: 0 };
  return { change: { uri: target.uri, create: true, edits: [{ range: { start: at, end: at }, newText: `${line}\n` }] }, rel, created: true };
}

/** A file's path inside its node, for fix titles and messages. */
export function pathInNode(node: NodeFiles, uri: string): string {
  return uri.startsWith(`${node.root}/`) ? uri.slice(node.root.length + 1) : uri;
}
