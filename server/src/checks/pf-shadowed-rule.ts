import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { lineNo, walkStatements } from './pf-common';
import type { PfFilterRule, PfStatement } from '../parsers/pf';
import { canShadow, covers } from '../model/pf-rule-cover';

/**
 * A rule that can never match: an earlier `quick` rule in the same ruleset
 * matches every packet it would, and pf stops at the first matching quick
 * rule. Usually a rule appended below a broad `block quick` or
 * `pass quick`, so it silently does nothing. Deliberately conservative: the
 * earlier rule must be at least as broad in every criterion (same or no
 * interface, direction, family, protocol, addresses and ports) and carry
 * nothing that narrows what it matches (tagged, probability, os, user, …),
 * including the `flags S/SA` pass rules get by default.
 */
export const pfShadowedRule: Check = {
  code: 'pf/shadowed-rule',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = [];
    const seen = new Set<readonly PfStatement[]>();
    walkStatements(doc.pf.statements, (_s, ruleset) => {
      if (seen.has(ruleset)) return;
      seen.add(ruleset);
      const shadowers = new Shadowers();
      for (const b of ruleset) {
        if (b.type !== 'filter') continue;
        const a = shadowers.firstCovering(b);
        if (a) {
          const shown = doc.text.slice(a.start, a.end).replace(/\\\r?\n|\s+/g, ' ').trim();
          const brief = shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
          findings.push(
            findingAt(
              doc,
              'pf/shadowed-rule',
              b.start,
              b.end,
              `This rule never matches: the quick rule on line ${lineNo(doc, a.start)} ("${brief}") matches every packet this one would, and pf stops at the first matching quick rule. Move this rule above it, or narrow that rule.`,
              { related: [{ uri: doc.uri, range: doc.lines.range(a.start, a.end), message: 'the quick rule that always matches first' }] },
            ),
          );
        }
        if (canShadow(b)) shadowers.add(b);
      }
    });
    return findings;
  },
};

/** Broad quick rules remembered per ruleset and interface; bounds the work on huge generated rulesets. */
const MAX_SHADOWERS = 200;

/**
 * The quick rules seen so far in a ruleset, bucketed by interface: a rule
 * on plain interfaces can only cover a rule whose first interface it lists,
 * so a ruleset of many per-interface rules is not compared pairwise.
 */
class Shadowers {
  private readonly open: PfFilterRule[] = [];
  private readonly byInterface = new Map<string, PfFilterRule[]>();

  add(a: PfFilterRule): void {
    const items = a.interfaces?.items ?? [];
    const plain = items.length > 0 && !items.some((i) => i.negated || i.name.text === 'any');
    if (!plain) {
      if (this.open.length < MAX_SHADOWERS) this.open.push(a);
      return;
    }
    for (const name of new Set(items.map((i) => i.name.text))) {
      const list = this.byInterface.get(name) ?? [];
      if (list.length < MAX_SHADOWERS) list.push(a);
      this.byInterface.set(name, list);
    }
  }

  firstCovering(b: PfFilterRule): PfFilterRule | undefined {
    const first = b.interfaces?.items[0];
    const named = first && !first.negated ? this.byInterface.get(first.name.text) ?? [] : [];
    let best: PfFilterRule | undefined;
    for (const list of [this.open, named]) {
      const a = list.find((x) => covers(x, b));
      if (a && (!best || a.start < best.start)) best = a;
    }
    return best;
  }
}
