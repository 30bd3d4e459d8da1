import type { RcAssignment, SourceQuote } from './rcconf';
import { Scanner, WORD } from './rcconf-scanner';

/** A `name = value` (or `name =value`) statement: sh runs a command named `name` with `=` and the value as arguments. */
export interface SpacedEq {
  /** The statement, from the name to the end of the value word. */
  start: number;
  end: number;
  name: string;
  /** Where the value word starts (after the `=` when it is glued to it). */
  valueStart: number;
}

/** Statements this long are not quoted whole in the message: a reader sees the line anyway. */
const QUOTE_MAX = 60;

/**
 * The rc/syntax message for a `name = value` statement, with the runs it
 * copies from the text marked, so a CARP pass quoted in it can be masked by
 * position (the statement may span a continuation line).
 */
export function spacedEqError(text: string, e: SpacedEq): { message: string; quotes: SourceQuote[] } {
  const shown = text.slice(e.start, e.end);
  const value = text.slice(e.valueStart, e.end);
  const quotes: SourceQuote[] = [];
  let message = '`';
  if (shown.length <= QUOTE_MAX) {
    quotes.push({ at: message.length, start: e.start, end: e.end });
    message += shown;
  } else message += `${e.name} = ...`;
  message += `\` runs a command named ${e.name} instead of setting it; write ${e.name}=`;
  if (value.length <= QUOTE_MAX) {
    quotes.push({ at: message.length, start: e.valueStart, end: e.end });
    message += value;
  } else message += '...';
  message += ' without spaces around =.';
  return { message, quotes };
}

/**
 * The assignment the writer of `name = value` meant, with the value read by
 * sh's rules and its offsets in the document, or undefined when the value
 * word cannot be read on its own. The value word is scanned again, glued to
 * a stand-in `x=`, so the scanner builds the value and its offsets exactly as
 * for a real assignment.
 */
export function spacedAssignment(text: string, e: SpacedEq): RcAssignment | undefined {
  const glue = 'x=';
  const source = text.slice(e.valueStart, e.end);
  const s = new Scanner(glue + source);
  if (s.next() !== WORD) return undefined;
  const w = s.tokWord;
  if (!w || w.failed || w.eq < 0 || w.end !== glue.length + source.length) return undefined;
  const shift = e.valueStart - glue.length;
  return {
    name: e.name,
    nameStart: e.start,
    nameEnd: e.start + e.name.length,
    value: w.rest,
    valueStart: e.valueStart,
    valueEnd: e.end,
    valueOffsets: w.offsets.map((o) => o + shift),
    start: e.start,
    end: e.end,
    references: w.refs.map((r) => ({ ...r, start: r.start + shift, end: r.end + shift })),
    conditional: true,
  };
}
