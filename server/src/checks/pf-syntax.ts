import type { Check } from './types';
import { parserErrorFindings } from './pf-common';

/**
 * Statements pfctl refuses (`pfctl -nf` fails and none of the file's rules
 * are loaded), with pfctl's own message so it can be
 * searched for. An error produced while expanding a macro points at the `$use`,
 * with the definition as related information. Errors owned by a more
 * specific code (misspelt keyword, address, port, undefined macro) are left
 * to that check.
 */
export const pfSyntax: Check = {
  code: 'pf/syntax',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    return parserErrorFindings(doc, 'pf/syntax', (e) => `${e.message} — pfctl refuses to load the file, so none of its rules take effect.`);
  },
};
