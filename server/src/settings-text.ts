import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { validateSettings } from './settings-validation';

/**
 * A settings file's text checked with positions: JSON syntax errors from
 * Microsoft's jsonc-parser (the parser of VS Code's own settings.json, which
 * keeps every node's offset), then validateSettings' problems placed on the
 * key or value they are about. Comments and trailing commas are accepted, as
 * in settings.json. Pure: the CLI reads the file and turns offsets into lines.
 */

export interface TextProblem {
  offset: number;
  length: number;
  message: string;
}

export type SettingsText = { ok: true; value: unknown } | { ok: false; problems: TextProblem[] };

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file after the closing "}"',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

export function checkSettingsText(input: string): SettingsText {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const text = input.startsWith('\uFEFF') ? ` ${input.slice(1)}` : input;
  if (text.trim() === '') return { ok: false, problems: [{ offset: 0, length: 0, message: 'the file is empty; write {} for no settings' }] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    // Only the first: the parser recovers and goes on, but what it finds next
    // mostly follows from the first error (as with JSON.parse, fix and rerun).
    return { ok: false, problems: [syntaxProblem(errors[0], text)] };
  }
  if (tree.type !== 'object') return { ok: false, problems: [{ offset: tree.offset, length: tree.length, message: `the settings must be a JSON object ({"severity": {…}}), not ${tree.type === 'array' ? 'an array' : `a ${tree.type}`}` }] };
  const problems: TextProblem[] = duplicateKeys(tree);
  const value: unknown = getNodeValue(tree);
  for (const p of validateSettings(value, { prefix: '' })) {
    const node = findNodeAtLocation(tree, p.path);
    // A key's own node is the first child of its property node.
    const target = p.at === 'key' ? node?.parent?.children?.[0] : node;
    problems.push({ offset: target?.offset ?? 0, length: target?.length ?? 0, message: p.message });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.offset - b.offset) };
  return { ok: true, value };
}

/** jsonc-parser's error as a problem in the user's words (also for freebsd-conf.json). */
export function syntaxProblem(error: ParseError | undefined, text: string): TextProblem {
  const e = error ?? { error: 4 /* ValueExpected */, offset: 0, length: 0 };
  const what = SYNTAX[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error);
  return { offset: e.offset, length: e.length, message: `invalid JSON: ${what}${e.offset >= text.length ? ' before the end of the file' : ''}` };
}

/** A key given twice in one object: JSON keeps the last silently, which hides the first from whoever reads the file. */
export function duplicateKeys(node: Node): TextProblem[] {
  const problems: TextProblem[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key) continue;
      if (seen.has(key.value)) problems.push({ offset: key.offset, length: key.length, message: `duplicate key "${key.value}": only this last one counts` });
      seen.add(key.value);
    }
  }
  for (const child of node.children ?? []) for (const p of duplicateKeys(child)) problems.push(p);
  return problems;
}

/** 1-based line and column of an offset, for `file:line:column` messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
