import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { lineNo } from './pf-common';
import type { FixProposal } from '../fixes/types';
import { defineMacroFix, moveDefinitionFix, renameUseFix, similarMacros } from '../fixes/pf-undefined-macro';

/**
 * `$name` with no definition before it. pfctl expands macros while it reads,
 * so a macro must be defined above its first use; otherwise pfctl stops with
 * "macro 'name' not defined", skips the rest of the line and refuses the
 * whole file. The commonest causes are a typo and a definition placed below
 * the rules, so the fixes offer a similar defined macro, moving the later
 * definition up, or defining it at the top.
 */
export const pfUndefinedMacro: Check = {
  code: 'pf/undefined-macro',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = [];
    for (const use of doc.pf.macroUses) {
      if (use.definition) continue;
      if (use.name === '') {
        const message = "macro '' not defined: a '$' outside quotes starts a macro name and none follows, so pfctl rejects the file. Put the text in quotes if a literal '$' is meant.";
        findings.push(findingAt(doc, 'pf/undefined-macro', use.start, use.end, message));
        continue;
      }
      const later = doc.pf.macros.find((m) => !m.source && m.name === use.name && m.start > use.start);
      const similar = similarMacros(doc, use);
      const fixes: FixProposal[] = similar.map((name, i) => renameUseFix(doc, use, name, i === 0 && !later));
      let message = `macro '${use.name}' not defined: pfctl rejects the file.`;
      if (later) {
        message = `macro '${use.name}' not defined yet: it is defined on line ${lineNo(doc, later.start)}, but pfctl expands macros as it reads, so the definition must come before this use; pfctl rejects the file.`;
        const move = moveDefinitionFix(doc, later);
        if (move) fixes.unshift(move);
      } else {
        if (similar.length > 0) message += ` Did you mean $${similar[0]}?`;
        else message += ` Define it above its first use, e.g. ${use.name} = "…".`;
        fixes.push(defineMacroFix(doc, use));
      }
      const related = later ? [{ uri: doc.uri, range: doc.lines.range(later.nameStart, later.end), message: `'${use.name}' is defined only here` }] : undefined;
      findings.push(findingAt(doc, 'pf/undefined-macro', use.start, use.end, message, { fixes, related }));
    }
    return findings;
  },
};
