import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import { KEYWORD_SET } from '../../parsers/pf';
import { occurrenceAt, occurrencesOf, unitOccurrences, type PfOccurrence } from './occurrences';
import { unitsFor, type PfUnit } from '../../model/pf-ruleset';

/** A refused rename: the message the editor shows (LSP ResponseError text). */
export interface PfRenameError {
  error: string;
}

/** pf's table names live in a fixed-size kernel field (PF_TABLE_NAME_SIZE 32, NUL included). */
const MAX_TABLE_NAME = 31;

/** The macro or table under the cursor, or undefined (anchors are not renamed: their names are paths shared with pfctl -a). */
function target(doc: PfDocument, position: Position, workspace: WorkspaceView): { units: PfUnit[]; at: PfOccurrence } | undefined {
  const units = unitsFor(workspace, doc);
  const at = occurrenceAt(units, doc.uri, doc.lines.offsetAt(position));
  if (!at || at.kind === 'anchor') return undefined;
  // A word pfctl reads as a keyword can never be a macro or table name.
  if (KEYWORD_SET.has(at.name)) return undefined;
  return { units, at };
}

/**
 * Whether a rename can start here, and on which text: only a macro (`$name`
 * or its definition) or a table (`<name>` or `table <name>`). Keywords and
 * anything else give null, so the editor refuses before asking for a name.
 */
export function pfPrepareRename(doc: PfDocument, position: Position, workspace: WorkspaceView): { range: Range; placeholder: string } | null {
  const t = target(doc, position, workspace);
  if (!t) return null;
  return { range: doc.lines.range(t.at.start, t.at.end), placeholder: t.at.name };
}

/** Why `name` cannot name a macro / table, or undefined when it can. */
export function invalidName(kind: 'macro' | 'table', name: string): string | undefined {
  if (KEYWORD_SET.has(name)) return `'${name}' is a pf.conf keyword: pfctl would read it as the keyword, not as a ${kind} name.`;
  if (kind === 'macro' && !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
    return `'${name}' is not a valid macro name: pf.conf(5) macro names start with a letter and contain only letters, digits and underscores.`;
  }
  if (kind === 'table') {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
      return `'${name}' is not a usable table name: use letters, digits, '_', '.' and '-' (no spaces, quotes or brackets).`;
    }
    if (name.length > MAX_TABLE_NAME) return `'${name}' is too long: pf table names have at most ${MAX_TABLE_NAME} characters.`;
  }
  return undefined;
}

/**
 * Renames a macro or a table everywhere in its ruleset: the definition, every
 * use (also `$uses` on other macros' definition lines and `<table>` written
 * inside macro values) in this file, the files it includes and the files
 * including it. Refuses invalid names and names already taken, because pfctl
 * would silently merge the two (a later macro definition wins; a table name
 * is one table).
 */
export function pfRename(doc: PfDocument, position: Position, newName: string, workspace: WorkspaceView): WorkspaceEdit | PfRenameError {
  const t = target(doc, position, workspace);
  if (!t) return { error: 'Only a macro ($name) or a table (<name>) can be renamed.' };
  const { units, at } = t;
  const name = at.kind === 'macro' ? newName.replace(/^\$/, '') : newName.replace(/^<(.*)>$/, '$1');
  if (name === at.name) return { changes: {} };
  const bad = invalidName(at.kind as 'macro' | 'table', name);
  if (bad) return { error: bad };
  const taken = units.some((u) => unitOccurrences(u).some((o) => o.kind === at.kind && o.name === name));
  if (taken) {
    return { error: at.kind === 'macro' ? `A macro named '${name}' is already defined or used in this ruleset.` : `A table <${name}> is already defined or used in this ruleset.` };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(units, at.kind, at.name)) {
    (changes[o.uri] ??= []).push({ range: o.doc.lines.range(o.start, o.end), newText: name });
  }
  for (const edits of Object.values(changes)) {
    edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { changes };
}
