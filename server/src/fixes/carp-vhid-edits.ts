import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { CarpVhid } from '../model/carp-node';
import type { IfWord } from '../model/ifconfig-value';
import type { IfItem } from '../model/rc-interfaces';
import type { WorkspaceView } from '../model/workspace-view';
import type { FileEdit } from './types';

/**
 * Edits on the lines of one vhid, shared by the vhid-group fixes. Every
 * edit is checked against the text it replaces: an ifconfig word is only
 * rewritten when the document holds it exactly as the model read it (a
 * word pieced together from quoted parts is left alone, and the fix is
 * then not offered), so a fix never breaks a line's quoting.
 */

/** The settings a line states for its whole vhid (sbin/ifconfig/carp.c: advskew, advbase, pass, peer, peer6). */
export type CarpParamKey = 'pass' | 'advskew' | 'advbase' | 'peer' | 'peer6';

/** Replaces one ifconfig word, or undefined when the document does not hold it as read. */
export function replaceWordEdit(doc: ParsedDocument, word: IfWord, newText: string): TextEdit | undefined {
  if (doc.text.slice(word.start, word.end) !== word.text) return undefined;
  return { range: doc.lines.range(word.start, word.end), newText };
}

/**
 * Inserts ` <words>` right after an ifconfig word, when that spot is inside
 * the value's one quoted string (`"inet vhid 1 alias …"`): a blank outside
 * quotes would end the assignment. The text inserted holds no character
 * the quotes would treat specially (callers pass words the model read from
 * plain values: no `$`, backquote, backslash or quote).
 */
function insertAfterWordEdit(doc: ParsedDocument, item: IfItem, word: IfWord, words: string): TextEdit | undefined {
  const a = item.source.assignment;
  const q = doc.text[a.valueStart];
  if ((q !== '"' && q !== "'") || doc.text.slice(word.start, word.end) !== word.text) return undefined;
  // The quoted string must run from the value's start past the word, with no other quote in between.
  if (doc.text.slice(a.valueStart + 1, word.end).includes(q) || word.end >= a.valueEnd) return undefined;
  return { range: doc.lines.range(word.end, word.end), newText: ` ${words}` };
}

/**
 * Edits that make a vhid state `key value`: every line of the vhid that
 * states `key` gets the value replaced (so no earlier line disagrees with
 * the one in force, see carp/vhid-redefined); with `everyLine`, lines that
 * do not state it get it added after their vhid number (peer: a line
 * without it returns the vhid to multicast); when no line states it, the
 * vhid's first line gets it. Lines that already say `value` are left alone.
 * Undefined when any needed edit cannot be made, or none is needed.
 */
export function setVhidParamEdits(workspace: WorkspaceView, vhid: CarpVhid, key: CarpParamKey, value: string, everyLine = false): FileEdit[] | undefined {
  const edits: FileEdit[] = [];
  const stating = vhid.items.filter((i) => i.entry.carp[key] !== undefined);
  const adding = everyLine ? vhid.items.filter((i) => i.entry.carp[key] === undefined) : stating.length === 0 ? vhid.items.slice(0, 1) : [];
  for (const item of stating) {
    const doc = workspace.get(item.source.uri);
    const word = item.entry.carp[key]?.value;
    if (word?.text === value) continue;
    const edit = doc && word && replaceWordEdit(doc, word, value);
    if (!edit) return undefined;
    edits.push({ uri: item.source.uri, edits: [edit] });
  }
  for (const item of adding) {
    const doc = workspace.get(item.source.uri);
    const vhidWord = item.entry.carp.vhid?.value;
    const edit = doc && vhidWord && insertAfterWordEdit(doc, item, vhidWord, `${key} ${value}`);
    if (!edit) return undefined;
    edits.push({ uri: item.source.uri, edits: [edit] });
  }
  return edits.length > 0 ? edits : undefined;
}

/** Edits that take `key value` (with the blank before it) out of every line of a vhid that states it. */
export function removeVhidParamEdits(workspace: WorkspaceView, vhid: CarpVhid, key: CarpParamKey): FileEdit[] | undefined {
  const edits: FileEdit[] = [];
  for (const item of vhid.items) {
    const param = item.entry.carp[key];
    if (!param) continue;
    const doc = workspace.get(item.source.uri);
    const end = param.value ?? param.keyword;
    const intact = doc && [param.keyword, end].every((w) => doc.text.slice(w.start, w.end) === w.text) && /[ \t]/.test(doc.text[param.keyword.start - 1] ?? '');
    if (!doc || !intact) return undefined;
    edits.push({ uri: doc.uri, edits: [{ range: doc.lines.range(param.keyword.start - 1, end.end), newText: '' }] });
  }
  return edits.length > 0 ? edits : undefined;
}

/** Edits that renumber a vhid: the vhid word of every line of it. */
export function renumberVhidEdits(workspace: WorkspaceView, vhid: CarpVhid, to: number): FileEdit[] | undefined {
  const edits: FileEdit[] = [];
  for (const item of vhid.items) {
    const doc = workspace.get(item.source.uri);
    const word = item.entry.carp.vhid?.value;
    const edit = doc && word && replaceWordEdit(doc, word, String(to));
    if (!edit) return undefined;
    edits.push({ uri: item.source.uri, edits: [edit] });
  }
  return edits;
}

/** Joins edits per file, in the order the files first appear, so a WorkspaceEdit names each file once. */
export function mergeFileEdits(lists: readonly (readonly FileEdit[])[]): FileEdit[] {
  const byUri = new Map<string, FileEdit>();
  for (const list of lists) {
    for (const change of list) {
      const known = byUri.get(change.uri);
      if (!known) byUri.set(change.uri, { ...change, edits: [...change.edits] });
      else for (const e of change.edits) known.edits.push(e);
    }
  }
  return [...byUri.values()];
}

/** The first `max` bytes of a pass in UTF-8 when they end on a character boundary, else the pass as written: what ifconfig's strlcpy keeps. */
export function passAsKept(pass: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(pass).length <= max) return pass;
  let out = '';
  let bytes = 0;
  for (const ch of pass) {
    const n = encoder.encode(ch).length;
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return bytes === max ? out : pass;
}

/** `a`, `a and b`, `a, b and c`: names for messages and fix titles. */
export function listNames(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
