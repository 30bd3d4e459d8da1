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

/**
 * Masks the word after every `pass` keyword in free text: an rc.conf value
 * or a quoted piece of source in a message. Such text is not parsed as
 * ifconfig arguments (it may be raw shell with quotes around the value), so
 * the keyword is found by its surroundings. Quotes (and the backquote
 * ending an excerpt) right after the password stay visible, so the excerpt
 * still reads as written. Masking a word after a `pass` that was not the
 * keyword costs nothing; missing a real one would leak it.
 */
export function maskPassWords(text: string, show = false): string {
  if (show) return text;
  return text.replace(/(^|[\s"'`])(pass\s+)(\S+?)(["'`]*)(?=\s|$)/g, (_m, lead: string, kw: string, _pass: string, close: string) => `${lead}${kw}${MASKED_PASSWORD}${close}`);
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
