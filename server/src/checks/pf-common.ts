import type { Code } from './codes';
import type { Finding, RelatedLocation } from './types';
import { findingAt } from './finding';
import type { PfDocument } from '../model/document';
import { KEYWORD_SET, type MacroOrigin, type PfError, type PfRelated, type PfRule, type PfStatement } from '../parsers/pf';

/**
 * Helpers shared by the pf checks: which check owns which parser error (so
 * each is reported exactly once), related locations for macro expansions,
 * keyword suggestions, and a walk over statements that knows the ruleset
 * (main or inline anchor body) each statement belongs to.
 */

/** Parser-supplied related entries (a macro's definition) as finding locations in the same file. */
export function relatedOf(doc: PfDocument, related: readonly PfRelated[] | undefined): RelatedLocation[] | undefined {
  if (!related || related.length === 0) return undefined;
  return related.map((r) => ({ uri: doc.uri, range: doc.lines.range(r.start, r.end), message: r.message }));
}

/** The definition a word expanded from, as a related location, so a finding at `$use` also shows the value. */
export function originRelated(doc: PfDocument, origin: MacroOrigin | undefined): RelatedLocation[] | undefined {
  if (!origin) return undefined;
  return [{ uri: doc.uri, range: doc.lines.range(origin.valueStart, origin.valueEnd), message: `macro '${origin.name}' is defined here` }];
}

/**
 * The parser's errors that `code` owns (see `errorCode`) as findings at the
 * error's range, worded by `message`, with the parser's related entries.
 */
export function parserErrorFindings(doc: PfDocument, code: Code, message: (e: PfError) => string): Finding[] {
  const findings: Finding[] = [];
  for (const e of doc.pf.errors) {
    if (errorCode(doc, e) === code) findings.push(findingAt(doc, code, e.start, e.end, message(e), { related: relatedOf(doc, e.related) }));
  }
  return findings;
}

/**
 * The one code that reports a parser error: topics go to the address/port
 * checks, undefined macros to their own check, a misspelt keyword to
 * pf/unknown-keyword, this analyser's own caps to pf/analysis-limit,
 * everything else to pf/syntax.
 */
export function errorCode(doc: PfDocument, e: PfError): Code {
  if (e.kind === 'limit') return 'pf/analysis-limit';
  if (e.kind === 'undefined-macro') return 'pf/undefined-macro';
  if (e.topic === 'address') return 'pf/invalid-address';
  if (e.topic === 'port') return 'pf/invalid-port';
  if (keywordSuggestions(doc, e).length > 0) return 'pf/unknown-keyword';
  return 'pf/syntax';
}

/**
 * Keywords a word rejected with "syntax error" was probably meant to be:
 * valid at that place and one edit away (two for long words; a swap of two
 * neighbours counts as one edit, the commonest typo), or the same word in
 * another letter case (pf keywords are case-sensitive). Never for a word
 * that is itself a keyword (then the order is wrong, not the spelling), one
 * from a macro (the edit would belong in the definition), a short word, or a
 * word with digits the keyword lacks (`lo0` is an interface, not `log`).
 */
export function keywordSuggestions(doc: PfDocument, e: PfError): string[] {
  if (e.kind !== 'syntax' || !e.expected || e.expected.length === 0 || e.origin) return [];
  const word = doc.pf.unexpected.find((u) => u.start === e.start && u.end === e.end);
  if (!word || word.text.length < 3 || KEYWORD_SET.has(word.text) || doc.text.slice(word.start, word.end) !== word.text) return [];
  const hasDigit = /[0-9]/.test(word.text);
  const limit = word.text.length <= 6 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const k of new Set(e.expected)) {
    if (!/^[a-z][a-z0-9-]*$/.test(k) || (hasDigit && !/[0-9]/.test(k))) continue;
    const d = k === word.text.toLowerCase() ? 0 : typoDistance(word.text, k, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance) best.push(k);
  }
  return best.slice(0, 3);
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment),
 * stopping early once it must exceed `limit`: `qiuck` is one edit from `quick`.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Calls `visit` for every statement of a list and, depth first, of the
 * inline anchor bodies in it. `ruleset` is the statement list holding the
 * statement, which is what pf evaluates as one unit.
 */
export function walkStatements(statements: readonly PfStatement[], visit: (s: PfStatement, ruleset: readonly PfStatement[]) => void): void {
  for (const s of statements) {
    visit(s, statements);
    if (s.type === 'anchor' && s.body) walkStatements(s.body, visit);
  }
}

/** True for the statements with the common rule fields (interfaces, from/to, options). */
export function isRule(s: PfStatement): s is PfRule {
  return s.type === 'filter' || s.type === 'translation' || s.type === 'scrub' || s.type === 'anchor' || s.type === 'ether' || s.type === 'antispoof';
}

/** 1-based line number of an offset, for messages. */
export function lineNo(doc: PfDocument, offset: number): number {
  return doc.lines.positionAt(offset).line + 1;
}
