import type { LoaderDocument, ParsedDocument } from '../model/document';
import { nodeFileUri } from '../model/node';
import type { NodeFiles } from '../model/workspace-view';
import type { LoaderSetting } from '../parsers/loaderconf';
import { placeOf, removeLineEdit, removeLineFix } from './loader-sysctl-edits';
import type { FileEdit, FixProposal } from './types';

/** `oid=value` as sysctl.conf wants it: quoted only when sysctl would otherwise misread the value. */
export function sysctlLine(name: string, value: string): string {
  return /^[^\s#"']+$/.test(value) ? `${name}=${value}` : `${name}="${value}"`;
}

/**
 * Fix for `loader/not-a-tunable`: the loader line is ignored by the kernel,
 * so it moves to the node's sysctl.conf, which rc applies at boot. The line
 * is appended at the end of the existing file (after a line break if the
 * file lacks a final one) or the file is created where FreeBSD reads it.
 * When a sysctl file of the node already sets the OID, only the loader line
 * is deleted: moving would add a duplicate, and the loader line never had an
 * effect anyway.
 */
export function moveToSysctlFix(doc: LoaderDocument, setting: LoaderSetting, node: NodeFiles): FixProposal {
  for (const sysctlDoc of node.byKind.sysctl) {
    const same = sysctlDoc.kind === 'sysctl' ? sysctlDoc.sysctl.settings.find((s) => s.name === setting.name) : undefined;
    if (same) {
      return removeLineFix(doc, setting.start, `Remove the line (${setting.name} is already set in ${placeOf(sysctlDoc, same.start, node.root)})`);
    }
  }
  const target = nodeFileUri(node, 'sysctl');
  const line = sysctlLine(setting.name, setting.value);
  const existing = node.byKind.sysctl.find((d) => d.uri === target.uri);
  const append: FileEdit = existing ? appendLine(existing, line) : { uri: target.uri, create: true, edits: [{ range: at0(), newText: line + doc.lines.eol }] };
  const rel = target.uri.startsWith(`${node.root}/`) ? target.uri.slice(node.root.length + 1) : target.uri;
  return {
    title: `Move ${line} to ${rel}${existing ? '' : ' (new file)'}`,
    isPreferred: true,
    changes: [{ uri: doc.uri, edits: [removeLineEdit(doc, setting.start)] }, append],
  };
}

function at0(): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function appendLine(target: ParsedDocument, line: string): FileEdit {
  const end = target.lines.positionAt(target.text.length);
  const eol = target.lines.eol;
  const needsBreak = target.text.length > 0 && !/[\r\n]$/.test(target.text);
  return { uri: target.uri, edits: [{ range: { start: end, end }, newText: (needsBreak ? eol : '') + line + eol }] };
}
