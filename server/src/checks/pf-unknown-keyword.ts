import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { errorCode, keywordSuggestions } from './pf-common';
import { keywordFix } from '../fixes/pf-unknown-keyword';
import { quoteSource } from '../parsers/quote';

/**
 * A word pfctl rejects with "syntax error" that is a typo of a keyword valid
 * at that place (`pass in qiuck`, `keep stat`, `Pass`). pfctl only says
 * "syntax error", which leaves the admin hunting for the word; naming the
 * keyword it was probably meant to be makes the fix obvious. The candidates
 * come from the keywords the parser would have accepted there.
 */
export const pfUnknownKeyword: Check = {
  code: 'pf/unknown-keyword',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = [];
    for (const e of doc.pf.errors) {
      if (errorCode(doc, e) !== 'pf/unknown-keyword') continue;
      const candidates = keywordSuggestions(doc, e);
      const text = doc.text.slice(e.start, e.end);
      const word = { start: e.start, end: e.end, text };
      const options = candidates.map((k) => `'${k}'`).join(' or ');
      const caseOnly = candidates.length === 1 && candidates[0] === text.toLowerCase();
      const message = `syntax error: ${quoteSource(text)} is not a pf keyword${caseOnly ? ' (keywords are lower case)' : ''}; did you mean ${options}? pfctl refuses to load the file.`;
      findings.push(findingAt(doc, 'pf/unknown-keyword', e.start, e.end, message, { fixes: candidates.map((k, i) => keywordFix(doc, word, k, i === 0 && candidates.length === 1)) }));
    }
    return findings;
  },
};
