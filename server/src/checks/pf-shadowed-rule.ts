import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { lineNo, walkStatements } from './pf-common';
import type { PfEndpoint, PfFilterRule, PfInterface, PfList, PfStatement } from '../parsers/pf';

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

/** Options that act on a matched packet without narrowing which packets match. */
const ACTION_OPTIONS = new Set([
  'keep', 'modulate', 'synproxy', 'no', 'label', 'tag', 'queue', 'rtable', 'ridentifier', 'allow-opts', 'set', 'dnpipe', 'dnqueue',
  'divert-to', 'scrub', 'nat-to', 'rdr-to', 'binat-to', 'af-to', 'flags',
]);

function canShadow(a: PfFilterRule): boolean {
  return a.quick !== undefined && a.action !== 'match' && !a.os && a.options.every((o) => ACTION_OPTIONS.has(o.name) && !o.negated);
}

/** The TCP flags a rule checks: `any`, or the spec (`S/SA` by default on stateful pass rules). */
function flagsOf(r: PfFilterRule): string {
  const f = r.options.find((o) => o.name === 'flags');
  if (f) return f.values.length === 1 && f.values[0].text === 'any' ? 'any' : f.values.map((v) => v.text).join('/');
  if (r.action !== 'pass' || r.options.some((o) => o.name === 'no')) return 'any';
  return 'S/SA';
}

const TCP = new Set(['tcp', '6']);

/** True when every packet `b` matches is matched by `a`. */
function covers(a: PfFilterRule, b: PfFilterRule): boolean {
  if (b.options.some((o) => o.name === 'fragment')) return false;
  if (a.direction && a.direction.text !== b.direction?.text) return false;
  if (a.af && a.af.text !== b.af?.text) return false;
  if (a.protocols && !(b.protocols && b.protocols.items.every((p) => a.protocols!.items.some((q) => q.text === p.text)))) return false;
  const fa = flagsOf(a);
  if (fa !== 'any' && fa !== flagsOf(b) && !(b.protocols && b.protocols.items.every((p) => !TCP.has(p.text)))) return false;
  if (!interfacesCover(a.interfaces, b.interfaces)) return false;
  if (a.all) return true;
  return endpointCovers(a.from, b.all ? undefined : b.from, b.all !== undefined) && endpointCovers(a.to, b.all ? undefined : b.to, b.all !== undefined);
}

function interfacesCover(a: PfList<PfInterface> | undefined, b: PfList<PfInterface> | undefined): boolean {
  const ai = a?.items ?? [];
  if (ai.length === 0 || (ai.length === 1 && !ai[0].negated && ai[0].name.text === 'any')) return true;
  const bi = b?.items ?? [];
  if (bi.length === 0) return false;
  if (ai.some((i) => i.negated) || bi.some((i) => i.negated)) return sameItems(ai.map(ifKey), bi.map(ifKey));
  return bi.every((x) => ai.some((y) => y.name.text === x.name.text));
}

function ifKey(i: PfInterface): string {
  return `${i.negated ? '!' : ''}${i.name.text}`;
}

/** `a` leaves the side open (no hosts or `any`, no ports), or restricts it exactly as `b` does. */
function endpointCovers(a: PfEndpoint | undefined, b: PfEndpoint | undefined, bAll: boolean): boolean {
  const ah = a?.hosts?.items ?? [];
  const openHosts = ah.length === 0 || (ah.length === 1 && ah[0].kind === 'any' && !ah[0].negated);
  if (!openHosts) {
    if (bAll) return false;
    const bh = b?.hosts?.items ?? [];
    if (!sameItems(ah.map((h) => `${h.negated ? '!' : ''}${h.text}`), bh.map((h) => `${h.negated ? '!' : ''}${h.text}`))) return false;
  }
  const ap = a?.ports?.items ?? [];
  if (ap.length === 0) return true;
  return !bAll && sameItems(ap.map((p) => p.text), (b?.ports?.items ?? []).map((p) => p.text));
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
