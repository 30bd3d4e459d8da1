import { findingAt } from './finding';
import type { Check } from './types';

/**
 * `loader/syntax`: lines the Lua loader rejects ("Malformed line") or whose
 * value it refuses ("Failed to parse variable"). The loader prints the
 * message on the console and skips the line, so the setting silently
 * does not apply.
 */
export const loaderSyntax: Check = {
  code: 'loader/syntax',
  kinds: ['loader'],
  run({ doc }) {
    if (doc.kind !== 'loader') return [];
    return doc.loader.errors.map((e) => findingAt(doc, 'loader/syntax', e.start, e.end, e.message));
  },
};
