import type { Check } from './types';
import { parserErrorFindings } from './pf-common';

/**
 * Where this analyser stopped because the file exceeds one of the caps that
 * keep hostile input from hanging the editor (a rule expanding into more than
 * 100,000 rules, lists nested deeper than 64 levels, more macro text re-read
 * than the budget allows, a macro value longer than 64 KB). pfctl may well
 * accept the file, so this is information, never an error: the config is not
 * known to be broken, only not fully checked.
 */
export const pfAnalysisLimit: Check = {
  code: 'pf/analysis-limit',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    return parserErrorFindings(doc, 'pf/analysis-limit', (e) => `Not analysed further (a limit of this analyser, not a pfctl error): ${e.message}`);
  },
};
