import type { PfAntispoof, PfFile, PfFilterRule, PfInterface, PfRuleBase, PfStatement, PfTranslationRule } from '../parsers/pf';
import type { PfUnit } from './pf-ruleset';
import type { TableContents } from './pf-host-match';
import { TRANSLATING_OPTIONS } from './pf-rule-criteria';

/**
 * A ruleset (pf.conf and the files it includes) laid out for evaluation,
 * in the order pf applies it: `set skip`, then translation (nat/rdr/binat),
 * then the filter rules, included files in place. Anchors, includes the
 * workspace does not hold and `match` rules that translate are kept as
 * opaque steps: what happens there is only known on the running system.
 */

/** Where a statement is written: the file of the ruleset it comes from. */
export interface Located<T> {
  node: T;
  uri: string;
}

/** One step of the filter walk: a rule, an antispoof, or something whose effect is only known at run time. */
export type Step =
  | { kind: 'filter'; rule: Located<PfFilterRule> }
  | { kind: 'antispoof'; rule: Located<PfAntispoof> }
  /** An anchor, a translating `match`, an include not found: `rule` holds the criteria that decide whether it is reached, if any. */
  | { kind: 'opaque'; why: string; rule?: PfRuleBase; at: Located<PfStatement> };

/** A ruleset prepared for evaluation (see rulesetSteps). */
export interface RulesetSteps {
  steps: Step[];
  /** Every `set skip on` item (they add up). */
  skip: PfInterface[];
  /** nat/rdr/binat rules and translation anchors that translate (not `no nat`). */
  translations: Located<PfTranslationRule | PfRuleBase>[];
  /** Layer-2 `ether block` rules or ether anchors: frames may be dropped before IP filtering. */
  ether: boolean;
  /** pfctl refuses a ruleset with an error, and rc.d/pf then loads no rules (or its fallback). */
  errors: boolean;
  tables: Map<string, TableContents>;
}

const cache = new WeakMap<PfUnit, RulesetSteps>();

/** The steps of a ruleset, built once per ruleset object (the ruleset cache makes a new one when a file changes). */
export function rulesetSteps(unit: PfUnit): RulesetSteps {
  const hit = cache.get(unit);
  if (hit) return hit;
  const out: RulesetSteps = { steps: [], skip: [], translations: [], ether: false, errors: false, tables: new Map() };
  const uriOf = new Map<PfFile, string>(unit.files.map((f) => [f.file, f.uri]));
  for (const f of unit.files) if (f.file.errors.length > 0) out.errors = true;
  walk(unit.files[0].file, unit.files[0].uri, out, uriOf);
  cache.set(unit, out);
  return out;
}

function walk(file: PfFile, uri: string, out: RulesetSteps, uriOf: ReadonlyMap<PfFile, string>): void {
  for (const s of file.statements) {
    switch (s.type) {
      case 'include': {
        const inner = s.included && uriOf.get(s.included);
        if (s.included && inner) walk(s.included, inner, out, uriOf);
        else out.steps.push({ kind: 'opaque', why: `the included file "${s.path.text}" is not in the workspace`, at: { node: s, uri } });
        break;
      }
      case 'option':
        if (s.name.text === 'skip') for (const i of s.interfaces?.items ?? []) out.skip.push(i);
        break;
      case 'table': {
        const exact = s.flags.some((f) => f.text === 'const') && s.files.length === 0;
        out.tables.set(s.name.text, { hosts: [...(out.tables.get(s.name.text)?.hosts ?? []), ...s.addresses], exact });
        break;
      }
      case 'translation':
        if (!s.no) out.translations.push({ node: s, uri });
        break;
      case 'filter':
        if (s.action !== 'match') out.steps.push({ kind: 'filter', rule: { node: s, uri } });
        else if (s.options.some((o) => TRANSLATING_OPTIONS.has(o.name))) out.steps.push({ kind: 'opaque', why: 'a match rule translates addresses', rule: s, at: { node: s, uri } });
        break;
      case 'antispoof':
        out.steps.push({ kind: 'antispoof', rule: { node: s, uri } });
        break;
      case 'anchor':
        if (s.action === 'anchor') out.steps.push({ kind: 'opaque', why: `anchor "${s.name?.text ?? ''}" may hold rules loaded at run time`, rule: s, at: { node: s, uri } });
        else if (s.action === 'ether-anchor') out.ether = true;
        else out.translations.push({ node: s, uri });
        break;
      case 'ether':
        if (s.action === 'block') out.ether = true;
        break;
      default:
        break;
    }
  }
}
