import type { PfAntispoof, PfFilterRule, PfRuleBase, PfTranslationRule } from '../parsers/pf';
import type { PfUnit } from './pf-ruleset';
import type { HostEnv } from './pf-host-env';
import { reversePacket, type PfPacket } from './pf-packet';
import { matchNamedSet, type HostContext } from './pf-host-match';
import { matchInterface, matchInterfaceList } from './pf-if-match';
import { keepsState } from './pf-rule-criteria';
import { matchRule } from './pf-rule-match';
import { rulesetSteps, type Located, type Step } from './pf-ruleset-steps';
import { triAll, triAny, triNot, triOf, type Tri } from './pf-tri';

/**
 * What a pf ruleset does with a packet, evaluated as pf does
 * (sys/netpfil/pf/pf.c pf_test() → pf_test_rule()): interfaces in
 * `set skip` are never filtered; otherwise every filter rule is tried in
 * order, the last matching one decides, and a matching `quick` rule
 * decides at once; with no matching rule the packet passes.
 *
 * Criteria the files cannot settle (`maybe`, see pf-tri.ts) split the
 * evaluation in two, one where the rule matched and one where it did not;
 * the verdict is certain only when every branch ends the same way. An
 * anchor (rules loaded at run time), an include the workspace does not hold
 * or a translation that may rewrite the packet makes it `unknown`: never a
 * guess.
 */

/** The rule that decided, where it is written. */
export type DecidingRule = Located<PfFilterRule | PfAntispoof>;

/** pass (by `set skip`, no matching rule, or a rule), block (by a rule), or unknown and why. */
export type Verdict =
  | { outcome: 'pass'; by: 'skip' | 'no-rule' | 'rule'; rule?: DecidingRule; keepsState: boolean }
  | { outcome: 'block'; rule: DecidingRule }
  | { outcome: 'unknown'; why: string };

interface Branch {
  decided?: { action: 'pass' | 'block'; rule: DecidingRule };
  stopped: boolean;
}

/** Branches kept at most; beyond, the outcome depends on too much the files do not say. */
const MAX_BRANCHES = 64;

/** What the ruleset does with the packet on the node described by `env` (its addresses for `self`, `(if)`, …). */
export function evaluate(unit: PfUnit, packet: PfPacket, env: HostEnv): Verdict {
  const r = rulesetSteps(unit);
  if (r.errors) return { outcome: 'unknown', why: 'pfctl rejects the ruleset' };
  if (r.ether) return { outcome: 'unknown', why: 'layer-2 ether rules may drop the frame first' };
  const skip = triAny(r.skip.map((i) => matchInterface(i, packet.ifName, env)));
  if (skip === 'yes') return { outcome: 'pass', by: 'skip', keepsState: false };
  if (skip === 'maybe') return { outcome: 'unknown', why: '"set skip" may name the interface' };
  const ctx: HostContext = { env, af: packet.af, tables: r.tables };
  for (const t of r.translations) {
    if (translates(t.node, packet, ctx) !== 'no') return { outcome: 'unknown', why: 'a translation rule may rewrite the packet' };
  }
  let branches: Branch[] = [{ stopped: false }];
  for (const step of r.steps) {
    if (branches.every((b) => b.stopped)) break;
    const m = stepMatch(step, packet, ctx);
    if (m === 'no') continue;
    if (step.kind === 'opaque') return { outcome: 'unknown', why: step.why };
    const rule = step.rule;
    const action = step.kind === 'antispoof' ? 'block' : (step.rule.node as PfFilterRule).action === 'pass' ? 'pass' : 'block';
    const next: Branch[] = [];
    for (const b of branches) {
      if (b.stopped) {
        next.push(b);
        continue;
      }
      // The branch where a `maybe` rule did not match comes first: it is the one the files describe most directly.
      if (m === 'maybe') next.push(b);
      next.push({ decided: { action, rule }, stopped: rule.node.quick !== undefined });
    }
    branches = dedupe(next);
    if (branches.length > MAX_BRANCHES) return { outcome: 'unknown', why: 'too many rules depend on what the files do not say' };
  }
  return verdictOf(branches);
}

/**
 * The verdict counting pf's states (pf_test() looks a packet up in the
 * state table before the rules). A multicast advertisement has no answer,
 * but between unicast peers the packets going the other way are the
 * answers: when a rule passes them and keeps state, that state also lets
 * this packet through, whatever the rules say.
 */
export function evaluateWithStates(unit: PfUnit, packet: PfPacket, env: HostEnv): Verdict {
  const v = evaluate(unit, packet, env);
  if (v.outcome !== 'block' || packet.dst.ip?.range() === 'multicast') return v;
  const back = evaluate(unit, reversePacket(packet), env);
  if (back.outcome === 'block' || (back.outcome === 'pass' && !back.keepsState)) return v;
  return { outcome: 'unknown', why: 'a state made by the packets going the other way may let it through' };
}

function verdictOf(branches: readonly Branch[]): Verdict {
  const actions = new Set(branches.map((b) => b.decided?.action ?? 'pass'));
  if (actions.size > 1) return { outcome: 'unknown', why: 'the outcome depends on what the files do not say' };
  const first = branches[0].decided;
  if (first?.action === 'block') return { outcome: 'block', rule: first.rule };
  const stateful = branches.some((b) => b.decided && b.decided.rule.node.type === 'filter' && keepsState(b.decided.rule.node));
  return first ? { outcome: 'pass', by: 'rule', rule: first.rule, keepsState: stateful } : { outcome: 'pass', by: 'no-rule', keepsState: stateful };
}

function dedupe(branches: readonly Branch[]): Branch[] {
  const seen = new Set<string>();
  return branches.filter((b) => {
    const key = `${b.decided?.rule.uri}|${b.decided?.rule.node.start}|${b.stopped}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stepMatch(step: Step, p: PfPacket, ctx: HostContext): Tri {
  if (step.kind === 'filter') return matchRule(step.rule.node, p, ctx);
  if (step.kind === 'antispoof') return antispoofMatch(step.rule.node, p, ctx);
  return step.rule ? matchRule(step.rule, p, ctx) : 'yes';
}

/**
 * `antispoof for IF` as pfctl expands it (sbin/pfctl/parse.y, antispoof):
 * `block in on ! IF from IF:network` and, unless IF is a loopback,
 * `block in from <IF's addresses>`.
 */
function antispoofMatch(a: PfAntispoof, p: PfPacket, ctx: HostContext): Tri {
  if (p.direction !== 'in' || (a.af && a.af.text !== p.af)) return 'no';
  return triAny(
    (a.interfaces?.items ?? []).map((i) => {
      const name = i.name.text;
      const elsewhere = triAll([triNot(matchInterface({ ...i, negated: false }, p.ifName, ctx.env)), matchNamedSet(`${name}:network`, p.src, ctx)]);
      const own = /^lo\d+$/.test(name) ? 'no' : matchNamedSet(name, p.src, ctx);
      return triAny([elsewhere, own]);
    }),
  );
}

/**
 * Whether a translation rule may rewrite the packet before the filter sees
 * it: nat on the way out, rdr on the way in, binat both ways (inbound it
 * matches the translated address, so anything but a different interface
 * or protocol leaves it open).
 */
function translates(t: PfTranslationRule | PfRuleBase, p: PfPacket, ctx: HostContext): Tri {
  const action = (t as PfTranslationRule).action as string;
  if (action === 'nat' || action === 'nat-anchor') return p.direction === 'out' ? matchRule(t, p, ctx) : 'no';
  if (action === 'rdr' || action === 'rdr-anchor') return p.direction === 'in' ? matchRule(t, p, ctx) : 'no';
  if (p.direction === 'out') return matchRule(t, p, ctx);
  return triAll([matchInterfaceList(t.interfaces, p.ifName, ctx.env), t.af ? triOf(t.af.text === p.af) : 'yes', t.protocols ? 'maybe' : 'yes']);
}
