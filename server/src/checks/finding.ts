import type { Code } from './codes';
import type { Finding } from './types';
import type { ParsedDocument } from '../model/document';
import type { SecretText } from '../model/mask';

/**
 * Builds a finding from document offsets, the common case for per-file
 * checks. A message that quotes a CARP password is passed as a SecretText:
 * the masked form becomes `message`, so any consumer that does not know
 * about passwords shows the safe one.
 */
export function findingAt(
  doc: ParsedDocument,
  code: Code,
  start: number,
  end: number,
  message: string | SecretText,
  extra: Pick<Finding, 'related' | 'fixes'> = {},
): Finding {
  const range = doc.lines.range(start, end);
  if (typeof message === 'string') return { code, uri: doc.uri, range, message, ...extra };
  const revealed = message.revealed !== message.masked ? { revealedMessage: message.revealed } : {};
  return { code, uri: doc.uri, range, message: message.masked, ...revealed, ...extra };
}

/** The message to show a user: passwords only when they asked for them (the `showPasswords` setting or `--show-passwords`). */
export function shownMessage(f: Pick<Finding, 'message' | 'revealedMessage'>, showPasswords: boolean): string {
  return showPasswords && f.revealedMessage !== undefined ? f.revealedMessage : f.message;
}
