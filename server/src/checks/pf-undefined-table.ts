import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { originRelated } from './pf-common';
import { addTableFix, tableInsertion } from '../fixes/pf-undefined-table';
import { rulesetScope } from '../model/pf-ruleset';

/**
 * A `<table>` referenced but never defined with `table <name>`. pfctl does
 * not complain: it creates an empty table when it loads the rules, so a
 * typo in a table name silently gives a rule that matches nothing (or, after
 * `!`, everything), and a table meant to be filled at run time
 * (`pfctl -t name -T add`, overload) is better declared `persist` so it
 * survives rule reloads. A definition anywhere in the file counts, inline
 * anchors included, and so does one in another file of the ruleset (an
 * included file or the includer). When an `include` cannot be followed the
 * file is skipped, since the table may be defined there.
 */
export const pfUndefinedTable: Check = {
  code: 'pf/undefined-table',
  kinds: ['pf'],
  run({ doc, workspace }) {
    if (doc.kind !== 'pf') return [];
    const scope = rulesetScope(workspace, doc);
    if (!scope.complete) return [];
    const defined = new Set([doc.pf, ...scope.others].flatMap((f) => f.tables.map((t) => t.name.text)));
    const byLowerCase = new Map([...defined].map((n) => [n.toLowerCase(), n]));
    const insert = tableInsertion(doc);
    const findings: Finding[] = [];
    for (const ref of doc.pf.tableRefs) {
      if (defined.has(ref.name)) continue;
      const similar = byLowerCase.get(ref.name.toLowerCase());
      const message =
        `table <${ref.name}> is used but never defined: pfctl creates an empty table <${ref.name}> when it loads the rules, so this matches no address until something adds entries at run time.` +
        (similar ? ` Did you mean <${similar}>?` : ` If it is filled at run time (pfctl -t ${ref.name} -T add, overload), declare it with "table <${ref.name}> persist".`);
      findings.push(findingAt(doc, 'pf/undefined-table', ref.start, ref.end, message, { fixes: [addTableFix(doc, ref.name, insert)], related: originRelated(doc, ref.nameWord.origin) }));
    }
    return findings;
  },
};
