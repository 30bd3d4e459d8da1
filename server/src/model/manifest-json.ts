import type { Node } from 'jsonc-parser';
import { didYouMean } from '../settings-validation';

/**
 * Reading freebsd-conf.json's syntax tree (jsonc-parser's, which keeps every
 * node's offset) and recording what is wrong where: the helpers the section
 * readers of manifest-parse.ts share. Pure.
 */

/**
 * `manifest/invalid`: a part of the manifest cannot be used (bad JSON, a
 * wrong type, a value out of range); `manifest/unknown-key`: a key nothing
 * reads; `manifest/unknown-node`: a name or path that matches nothing in the
 * workspace (found when the manifest is resolved against it).
 */
export type ManifestProblemCode = 'manifest/invalid' | 'manifest/unknown-key' | 'manifest/unknown-node';

export interface ManifestProblem {
  code: ManifestProblemCode;
  offset: number;
  length: number;
  message: string;
}

/** A value with where it is written in the manifest's text. */
export interface Spanned<T> {
  value: T;
  offset: number;
  length: number;
}

/** The problems found while reading, in the order found (the parser sorts them). */
export class ProblemList {
  readonly list: ManifestProblem[] = [];

  /** A part that cannot be used; returns undefined so a reader can `return problems.invalid(…)` in place of its value. */
  invalid(node: Node | { offset: number; length: number }, message: string): undefined {
    this.list.push({ code: 'manifest/invalid', offset: node.offset, length: node.length, message });
    return undefined;
  }

  /** A key nothing reads (it is ignored), with the nearest known one. */
  unknownKey(key: Node, known: readonly string[], where: string): void {
    const hint = didYouMean(String(key.value), known) || ` (known: ${known.join(', ')})`;
    this.list.push({ code: 'manifest/unknown-key', offset: key.offset, length: key.length, message: `unknown key "${clip(String(key.value))}" ${where}, ignored${hint}` });
  }
}

/** A value read from `node`, keeping where the node is, for messages and related information. */
export function spanned<T>(value: T, node: Node): Spanned<T> {
  return { value, offset: node.offset, length: node.length };
}

/**
 * An object's properties as [key node, value node], the last one of each key
 * only: JSON keeps the last of a key given twice (duplicateKeys reports the
 * others), so reading every one would make entries the file does not mean.
 */
export function lastProperties(object: Node): [Node, Node | undefined][] {
  const byKey = new Map<string, [Node, Node | undefined]>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    byKey.delete(key.value);
    byKey.set(key.value, [key, property.children?.[1]]);
  }
  return [...byKey.values()];
}

/** How a message names a JSON value's type. */
export function describeNode(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string "${clip(String(node.value))}"`;
    case 'null':
      return 'null';
    default:
      return String(node.value);
  }
}

/** At most 40 characters of the file's text in a message (the project's rule: no message carries a whole line). */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The value of a boolean node, or a problem. */
export function readBoolean(node: Node, problems: ProblemList, name: string): boolean | undefined {
  if (node.type === 'boolean') return node.value as boolean;
  return problems.invalid(node, `"${name}" must be true or false, not ${describeNode(node)}`);
}

/**
 * A path relative to the manifest's folder, normalised (`./a//b/` → `a/b`,
 * `.` → ''), or a problem: absolute paths, backslashes and paths that lead
 * out of the folder are refused, since only what lies below the manifest
 * (the checked folders) is ever read; so are hidden files and folders and
 * node_modules, which the scan never enters either (in CI, `.git/config`
 * may hold the job's token, and a manifest from a pull request must not
 * get it quoted in a diagnostic).
 */
export function readPath(node: Node, problems: ProblemList, role: 'folder' | 'file'): Spanned<string> | undefined {
  if (node.type !== 'string') return problems.invalid(node, `a ${role} must be a path (a string), not ${describeNode(node)}`);
  const raw = node.value as string;
  const shown = clip(raw);
  if (raw === '') return problems.invalid(node, role === 'folder' ? 'an empty path: write "." for the folder of freebsd-conf.json itself' : 'an empty path');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return problems.invalid(node, `"${shown}" is absolute: write it relative to the folder of freebsd-conf.json`);
  if (raw.includes('\\')) return problems.invalid(node, `"${shown}": write "/" between folders, not "\\"`);
  const parts: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.pop() === undefined) return problems.invalid(node, `"${shown}" leads out of the folder of freebsd-conf.json: only files below it are read`);
    } else if (segment.startsWith('.') || segment === 'node_modules') {
      return problems.invalid(node, `"${shown}" goes through "${clip(segment)}": hidden files and folders and node_modules are never read`);
    } else {
      parts.push(segment);
    }
  }
  if (role === 'file' && parts.length === 0) return problems.invalid(node, `"${shown}" is a folder, not a file`);
  return spanned(parts.join('/'), node);
}
