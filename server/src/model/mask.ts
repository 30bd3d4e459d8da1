import type { SourceQuote } from '../parsers/rcconf';

/** What a masked password is shown as: fixed length, so not even the length leaks. */
export const MASKED_PASSWORD = '••••••';

/**
 * The text to show for a CARP `pass` in hovers, symbols, views and CLI
 * output. The key is the vhid's only protection (anyone who knows it can
 * take over the VIPs), and screens get shared and logs get pasted, so it is
 * masked unless the user explicitly asked to see it.
 */
export function maskPassword(pass: string, show = false): string {
  return show ? pass : MASKED_PASSWORD;
}

/** A range of document offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Sorts spans and joins those that overlap or touch, so a caller can walk them once. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** True when [start, end) shares a character with one of the (sorted) spans. */
export function overlapsSpan(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/**
 * A piece of document text (starting at offset `from`) with every secret
 * span in it replaced by one mask; a span that runs past either end of the
 * piece is masked up to that end.
 */
export function maskSource(text: string, from: number, spans: readonly Span[]): string {
  let out = '';
  let i = 0;
  for (const s of spans) {
    const a = Math.max(s.start - from, i);
    const b = Math.min(s.end - from, text.length);
    if (b <= a) continue;
    out += text.slice(i, a) + MASKED_PASSWORD;
    i = b;
  }
  return out + text.slice(i);
}

/**
 * A value after quote removal (`offsets[i]` is the document offset of
 * `value[i]`) with each run of characters that come from a secret span
 * replaced by one mask: how an outline shows `inet vhid 1 pass 'a b' alias …`.
 */
export function maskValue(value: string, offsets: readonly number[], spans: readonly Span[]): string {
  if (spans.length === 0) return value;
  let out = '';
  let masking = false;
  for (let i = 0; i < value.length; i++) {
    const o = offsets[i] ?? -1;
    const secret = spans.some((s) => s.start <= o && o < s.end);
    if (secret && !masking) out += MASKED_PASSWORD;
    else if (!secret) out += value[i];
    masking = secret;
  }
  return out;
}

/** A message that quotes document text, with the secret spans inside its quotes masked; the rest is left as it is. */
export function maskQuotedMessage(message: string, quotes: readonly SourceQuote[], spans: readonly Span[]): string {
  let out = message;
  // From the last quote back, so earlier positions stay valid as masks change lengths.
  for (const q of [...quotes].sort((a, b) => b.at - a.at)) {
    const length = q.end - q.start;
    out = out.slice(0, q.at) + maskSource(out.slice(q.at, q.at + length), q.start, spans) + out.slice(q.at + length);
  }
  return out;
}

/**
 * A user-visible text that quotes CARP passwords (or facts about them, such
 * as their length), in both forms: `masked` for everyone, `revealed` for a
 * user who asked to see passwords. The edge (LSP or CLI) picks one, so a
 * check never needs to know the setting.
 */
export interface SecretText {
  masked: string;
  revealed: string;
}

/** Puts both forms of a secret text into the same surrounding text (a message around a quoted line). */
export function wrapSecret(s: SecretText, wrap: (text: string) => string): SecretText {
  return { masked: wrap(s.masked), revealed: wrap(s.revealed) };
}
