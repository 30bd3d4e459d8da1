import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { NodeConfig } from '../model/node-config';
import { nodeFileUri } from '../model/node';
import { replaceValueEdit } from './rc-edits';
import type { FileEdit } from './types';

/**
 * Edits that give rc variables a value on a node: the assignment in force
 * (the last one rc reads, libexec/rc/rc.subr load_rc_config()) gets the
 * new value where it is written; a variable the node's files do not set is
 * appended to its rc.conf, created if the node has none. One FileEdit per
 * file, so several variables make one change.
 */
export function setRcValuesEdits(config: NodeConfig, values: readonly { name: string; value: string }[]): FileEdit[] {
  const byUri = new Map<string, FileEdit>();
  const edit = (uri: string, create: boolean): FileEdit => {
    const e = byUri.get(uri) ?? { uri, edits: [], ...(create ? { create: true } : {}) };
    byUri.set(uri, e);
    return e;
  };
  const appended: string[] = [];
  for (const { name, value } of values) {
    const at = config.rc.get(name);
    if (at && !at.fromDefaults && !at.uncertain && at.doc.kind === 'rc') edit(at.doc.uri, false).edits.push(replaceValueEdit(at.doc, at.setting, value));
    else appended.push(`${name}="${value}"`);
  }
  if (appended.length > 0) {
    const target = nodeFileUri(config.files, 'rc');
    const doc = config.files.byKind.rc.find((d) => d.uri === target.uri);
    edit(target.uri, !doc).edits.push(appendLines(doc, appended));
  }
  return [...byUri.values()];
}

/** Lines added at the end of a file (after a line break the last line lacks), or as the text of a new one. */
function appendLines(doc: ParsedDocument | undefined, lines: readonly string[]): TextEdit {
  if (!doc) {
    const at = { line: 0, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => `${l}\n`).join('') };
  }
  const end = doc.lines.positionAt(doc.text.length);
  const eol = doc.lines.eol;
  const needsBreak = doc.text.length > 0 && !/[\r\n]$/.test(doc.text);
  return { range: { start: end, end }, newText: (needsBreak ? eol : '') + lines.map((l) => `${l}${eol}`).join('') };
}
