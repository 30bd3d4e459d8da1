import type { TextEdit } from 'vscode-languageserver-types';
import type { PfUnit } from '../model/pf-ruleset';
import { covers } from '../model/pf-rule-cover';
import { parsePfConf, type PfFile, type PfFilterRule, type PfStatement } from '../parsers/pf';
import { groupAt, insertLineAfter, insertLineBefore, macrosOnlyUsedIn, removeStatement } from './pf-edits';
import type { FixProposal } from './types';

/**
 * Fix for pf/carp-blocked and pf/pfsync-blocked: `pass quick on IF proto P
 * keep state (no-sync)` (the pfsync(4) example's form) before the first
 * filter rule of the ruleset, so nothing after it can drop those packets.
 * The rules of that file it makes dead (those it matches every packet of)
 * are removed with it, and the macros only they used, as pf/shadowed-rule
 * would otherwise report each of them.
 */

/** `pass quick on em0 proto carp keep state (no-sync)`, `on { em0 em1 }` for several interfaces. */
export function passRule(interfaces: readonly string[], protocol: 'carp' | 'pfsync'): string {
  const on = interfaces.length === 1 ? interfaces[0] : `{ ${interfaces.join(' ')} }`;
  return `pass quick on ${on} proto ${protocol} keep state (no-sync)`;
}

/** The fix: the rule `text` (see passRule) before the ruleset's first filter rule, in the file that holds it; rules it makes dead go. */
export function insertPassRuleFix(unit: PfUnit, text: string): FixProposal | undefined {
  const uriOf = new Map<PfFile, string>(unit.files.map((f) => [f.file, f.uri]));
  const first = firstFilterStatement(unit.files[0].file, unit.files[0].uri, uriOf);
  const target = unit.files.find((f) => f.uri === (first?.uri ?? unit.files[0].uri));
  if (!target) return undefined;
  const doc = target.doc;
  const edits: TextEdit[] = [first ? insertLineBefore(doc, groupAt(doc, first.statement.start).first, text) : insertLineAfter(doc, Math.max(0, doc.lines.lineCount - 1), text)];
  const rule = parsePfConf(text).statements[0] as PfFilterRule;
  const dead = target.file.statements.filter((s): s is PfFilterRule => s.type === 'filter' && covers(rule, s));
  const removed: PfStatement[] = [];
  for (const s of dead) {
    const edit = removeStatement(doc, s);
    if (!edit) continue;
    edits.push(edit);
    removed.push(s);
  }
  if (unit.files.length === 1) for (const def of macrosOnlyUsedIn(doc, removed)) pushIf(edits, removeStatement(doc, def));
  const also = removed.length === 0 ? '' : removed.length === 1 ? ', and remove the rule it makes dead' : `, and remove the ${removed.length} rules it makes dead`;
  return { title: `Insert "${text}" before the first filter rule${also}`, isPreferred: true, changes: [{ uri: doc.uri, edits }] };
}

function pushIf(edits: TextEdit[], e: TextEdit | undefined): void {
  if (e) edits.push(e);
}

/** The first pass/block/match/anchor/antispoof statement of a ruleset, included files followed in place. */
function firstFilterStatement(file: PfFile, uri: string, uriOf: ReadonlyMap<PfFile, string>): { statement: PfStatement; uri: string } | undefined {
  for (const s of file.statements) {
    if (s.type === 'include' && s.included) {
      const inner = uriOf.get(s.included);
      const found = inner ? firstFilterStatement(s.included, inner, uriOf) : undefined;
      if (found) return found;
    } else if (s.order === 'filter') {
      return { statement: s, uri };
    }
  }
  return undefined;
}
