import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { lineNo } from './pf-common';
import type { PfOrderClass, PfStatement } from '../parsers/pf';

const RANK: Record<Exclude<PfOrderClass, 'none'>, number> = { option: 0, ether: 1, normalization: 2, queueing: 3, translation: 4, filter: 5 };
const NAME: Record<Exclude<PfOrderClass, 'none'>, string> = {
  option: 'option', ether: 'ethernet rule', normalization: 'normalization (scrub) rule', queueing: 'queueing (altq/queue) statement',
  translation: 'translation (nat/rdr/binat) rule', filter: 'filter rule',
};

/**
 * FreeBSD's pfctl still enforces its statement order by default (parse.y
 * `check_rulestate`): options, ethernet, normalization, queueing,
 * translation, filtering. A statement of an earlier class after a later one
 * fails with "Rules must be in order: …" and the file is not loaded.
 * `set require-order no` turns the check off from that line on, exactly as
 * pfctl reads it: the setting in effect when the statement is read counts,
 * and with the check off the state still follows each statement. Inline
 * anchor bodies hold only filter rules and are not checked.
 */
export const pfStatementOrder: Check = {
  code: 'pf/statement-order',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = [];
    let requireOrder = true;
    let state: { cls: Exclude<PfOrderClass, 'none'>; by: PfStatement } | undefined;
    for (const s of doc.pf.statements) {
      if (s.type === 'option' && s.name.text === 'require-order' && s.values[0]) requireOrder = s.values[0].text === 'yes';
      if (s.order === 'none') continue;
      if (requireOrder && state && RANK[state.cls] > RANK[s.order]) {
        const head = 'keyword' in s ? s.keyword : undefined;
        const end = head ? head.end : s.end;
        findings.push(
          findingAt(
            doc,
            'pf/statement-order',
            s.start,
            end,
            `Rules must be in order: options, ethernet, normalization, queueing, translation, filtering — this ${NAME[s.order]} comes after the ${NAME[state.cls]} on line ${lineNo(doc, state.by.start)}, so pfctl refuses the file. Move it above, or add "set require-order no" before it.`,
            { related: [{ uri: doc.uri, range: doc.lines.range(state.by.start, state.by.end), message: `the ${NAME[state.cls]} it must come before` }] },
          ),
        );
        continue;
      }
      state = { cls: s.order, by: s };
    }
    return findings;
  },
};
