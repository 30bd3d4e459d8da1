import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { originRelated, parserErrorFindings } from './pf-common';
import { dedupe } from './pf-invalid-address';
import { operandsOf } from './pf-operands';
import type { PfPort, PfWord } from '../parsers/pf';

/**
 * Ports pfctl rejects: numbers above 65535 ("illegal port value"), ranges
 * whose low end is above the high end ("invalid port range"), `><` and `<>`
 * with bounds that leave nothing, `:` mixed with another operator, and words
 * that cannot be a service name (`80-90`: service names contain a letter,
 * RFC 6335), which pfctl reports as "unknown port". Any word with a letter
 * might be in the host's /etc/services and is never flagged.
 */
export const pfInvalidPort: Check = {
  code: 'pf/invalid-port',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = parserErrorFindings(doc, 'pf/invalid-port', (e) => `${e.message} — pfctl refuses to load the file.`);
    const report = (at: At, message: string): void => {
      findings.push(findingAt(doc, 'pf/invalid-port', at.start, at.end, `${message} — pfctl refuses to load the file.`, { related: originRelated(doc, at.origin) }));
    };
    const operands = operandsOf(doc.pf.statements);
    for (const { port } of operands.ports) {
      const problem = portProblem(port);
      if (problem) report(problem.at, problem.message);
    }
    for (const { word } of operands.portWords) {
      const problem = wordProblem(word, 'all');
      if (problem) report(word, problem);
    }
    return dedupe(findings);
  },
};

const MAX_PORT = 65535;

function digits(s: string): number | undefined {
  return /^[0-9]{1,10}$/.test(s) ? Number(s) : undefined;
}

/**
 * A port word's own problem, beyond what the parser checks (NUMBER tokens
 * above 65535, the halves of an unquoted `P:Q`): a number out of range
 * where the parser did not look (`range`); and a word with no letter that is not a number,
 * which no service name can be. `*` is left alone (`P:*` in translations).
 */
function wordProblem(w: PfWord, range: 'all' | 'quoted' | 'none'): string | undefined {
  const n = digits(w.text);
  if (n !== undefined) return (range === 'all' || (range === 'quoted' && !w.number)) && n > MAX_PORT ? `illegal port value ${n}: ports go from 0 to 65535` : undefined;
  if (/[A-Za-z]/.test(w.text) || w.text === '*' || w.text.includes(':')) return undefined;
  const hint = /^[0-9]+\s*-\s*[0-9]+$/.test(w.text) ? ` (a port range is written ${w.text.replace(/\s*-\s*/, ':')})` : '';
  return `unknown port ${w.text}: not a number from 0 to 65535, and service names contain a letter${hint}`;
}

type At = { start: number; end: number; origin?: PfWord['origin'] };

function portProblem(p: PfPort): { at: At; message: string } | undefined {
  const values = p.value2 ? [p.value, p.value2] : [p.value];
  if (p.op !== '' && p.op !== ':') {
    const colon = values.find((v) => !v.quoted && v.text.includes(':'));
    if (colon) return { at: colon, message: `':' cannot be used with an other port operator: write either ${colon.text} or ${p.op} with a single port` };
  }
  if (p.op === '' && p.value.quoted && p.value.text.includes(':')) {
    // pfctl splits a quoted P:Q like a bare one; the parser leaves quoted words whole.
    const [lo, hi] = p.value.text.split(':').map(digits);
    if (lo !== undefined && hi !== undefined && lo > hi) return { at: p.value, message: `invalid port range ${p.value.text}: the first port is above the second` };
    if ((lo ?? 0) > MAX_PORT || (hi ?? 0) > MAX_PORT) return { at: p.value, message: `illegal port value in ${p.value.text}: ports go from 0 to 65535` };
    return undefined;
  }
  const split = p.op === ':' && p.low !== undefined && p.high !== undefined;
  for (const w of split ? [p.low!, p.high!] : values) {
    const problem = wordProblem(w, split ? 'none' : 'quoted');
    if (problem) return { at: split ? p.value : w, message: problem };
  }
  if ((p.op === '><' || p.op === '<>') && p.value2) {
    const a = digits(p.value.text);
    const b = digits(p.value2.text);
    if (a !== undefined && b !== undefined && (p.op === '><' ? a >= b : a > b)) {
      const why = p.op === '><' ? `no port lies strictly between ${a} and ${b}` : `the first bound is above the second`;
      return { at: { start: p.start, end: p.end, origin: p.value.origin }, message: `invalid port range ${p.text}: ${why}` };
    }
  }
  return undefined;
}
