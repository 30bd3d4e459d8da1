import type { Check, Finding } from './types';
import { findingAt } from './finding';

/**
 * Bytes the consumer reads differently from what the editor shows. A BOM in
 * rc.conf becomes part of the first word, so sh runs a command named
 * "\uFEFFhostname=..." instead of assigning; the loader and sysctl read it as
 * part of the first name. Invalid UTF-8 shows up as U+FFFD after decoding.
 */
export const fileEncoding: Check = {
  code: 'file/encoding',
  kinds: ['rc', 'loader', 'sysctl'],
  run({ doc }) {
    const out: Finding[] = [];
    if (doc.hadBom) {
      out.push(
        findingAt(doc, 'file/encoding', 0, 1, 'The file starts with a byte-order mark (BOM). FreeBSD reads it as part of the first name, so the first line does not do what it says. Save the file as UTF-8 without BOM.', {
          fixes: [{ title: 'Remove the byte-order mark', isPreferred: true, changes: [{ uri: doc.uri, edits: [{ range: doc.lines.range(0, 1), newText: '' }] }] }],
        }),
      );
    }
    const bad = doc.text.indexOf('\uFFFD');
    if (bad >= 0) {
      out.push(findingAt(doc, 'file/encoding', bad, bad + 1, 'Invalid UTF-8: this byte sequence could not be decoded. Check the file encoding; FreeBSD compares names and values byte by byte.'));
    }
    return out;
  },
};
