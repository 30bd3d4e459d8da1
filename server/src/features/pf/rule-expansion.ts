import type { PfFile, PfHost, PfInterface, PfList, PfPort, PfRule, PfStatement, PfWord, Span } from '../../parsers/pf';
import { literalFamily } from '../../parsers/pf';

/** How a rule looks once pfctl has expanded its macros and lists. */
export interface PfRuleExpansion {
  /** The first `limit` rules, one line each, in the order pfctl loads them. */
  lines: string[];
  /** How many rules pfctl makes of this one (an upper bound, see `mixedFamilies`). */
  total: number;
  /** Both IPv4 and IPv6 literals appear: pfctl drops the combinations that mix them, so it loads fewer. */
  mixedFamilies: boolean;
}

interface Slot extends Span {
  items: string[];
}

/** Rules carry the fields pfctl expands; other statements (macros, options…) have none. */
export function isRule(s: PfStatement): s is PfRule {
  return 'expansionCount' in s;
}

/** The innermost rule at an offset, looking inside inline anchor bodies. */
export function ruleAt(statements: readonly PfStatement[], offset: number): PfRule | undefined {
  for (const s of statements) {
    if (offset < s.start || offset > s.end) continue;
    if (s.type === 'anchor' && s.body && s.bodyStart !== undefined && offset > s.bodyStart) return ruleAt(s.body, offset);
    return isRule(s) ? s : undefined;
  }
  return undefined;
}

function interfaceText(i: PfInterface): string {
  const name = i.dynamic ? `(${i.name.text})` : i.name.text;
  return `${i.negated ? '! ' : ''}${name}`;
}

function hostText(h: PfHost): string {
  return h.negated && !h.text.startsWith('!') ? `! ${h.text}` : h.text;
}

function wordText(w: PfWord): string {
  return w.quoted || /\s/.test(w.text) ? `"${w.text}"` : w.text;
}

function portText(p: PfPort): string {
  return p.text;
}

/** The lists pfctl loops over, outermost first (pfctl.c `expand_rule`: interface, proto, icmp-type, from, os, to, user, group). */
function slots(r: PfRule): Slot[] {
  const out: Slot[] = [];
  const add = <T>(list: PfList<T> | undefined, text: (item: T) => string): void => {
    if (list && list.items.length > 1) out.push({ start: list.start, end: list.end, items: list.items.map(text) });
  };
  add(r.interfaces, interfaceText);
  add(r.protocols, wordText);
  const icmp = r.options.find((o) => o.name === 'icmp-type' || o.name === 'icmp6-type');
  add(icmp?.items, portText);
  add(r.from?.hosts, hostText);
  add(r.from?.ports, portText);
  add(r.os?.items, wordText);
  add(r.to?.hosts, hostText);
  add(r.to?.ports, portText);
  for (const o of r.options) if (o.items && o !== icmp) add(o.items, portText);
  return out;
}

function mixedFamilies(r: PfRule): boolean {
  const families = new Set<string>();
  for (const list of [r.from?.hosts, r.to?.hosts]) {
    for (const h of list?.items ?? []) {
      const f = h.address ? literalFamily(h.address.text) : undefined;
      if (f) families.add(f);
    }
  }
  return families.size > 1;
}

/** Replaces the k-th top-level `{ … }` group of a macro value with `items[k]`. */
function replaceGroups(value: string, items: readonly string[]): string {
  let out = '';
  let k = 0;
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '{' || k >= items.length) {
      out += value[i++];
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < value.length; j++) {
      if (value[j] === '{') depth++;
      else if (value[j] === '}' && --depth === 0) break;
    }
    if (j >= value.length) return out + value.slice(i);
    out += items[k++];
    i = j + 1;
  }
  return out;
}

/**
 * The rules a pf.conf rule expands to, as pfctl would load them: macros
 * replaced by their values and every `{ }` list (interfaces, protocols,
 * addresses, ports, users…) unrolled, the last list varying fastest. Only the
 * first `limit` rules are built, so a rule expanding into millions costs no
 * more than a short one. An inline anchor's body is shown as `{ … }`.
 */
export function expandRule(text: string, file: PfFile, r: PfRule, limit: number): PfRuleExpansion {
  const end = r.type === 'anchor' && r.bodyStart !== undefined ? r.bodyStart : r.end;
  const all = slots(r);
  const uses = file.macroUses.filter((u) => u.start >= r.start && u.end <= end);
  // A list written inside a macro value spans the whole `$name`: substitute inside that value.
  const inUse = new Map<number, Slot[]>();
  const plain: Slot[] = [];
  for (const s of all) {
    const u = uses.find((x) => x.start === s.start && x.end === s.end);
    if (u) inUse.set(u.start, [...(inUse.get(u.start) ?? []), s]);
    else plain.push(s);
  }
  const comments = file.comments.filter((c) => c.start < end && c.end > r.start);
  const source = (a: number, b: number): string => {
    let s = '';
    let i = a;
    for (const c of comments) {
      if (c.end <= i || c.start >= b) continue;
      s += text.slice(i, Math.max(i, c.start));
      i = Math.max(i, c.end);
    }
    return (s + text.slice(i, Math.max(i, b))).replace(/\\\r?\n|\\\r/g, ' ');
  };
  const render = (choice: Map<Slot, number>): string => {
    type Piece = Span & { text: string };
    const pieces: Piece[] = plain.map((s) => ({ start: s.start, end: s.end, text: s.items[choice.get(s) ?? 0] }));
    for (const u of uses) {
      if (plain.some((s) => s.start <= u.start && u.end <= s.end)) continue;
      const inner = inUse.get(u.start) ?? [];
      const value = u.definition?.value ?? `$${u.name}`;
      pieces.push({ start: u.start, end: u.end, text: inner.length > 0 ? replaceGroups(value, inner.map((s) => s.items[choice.get(s) ?? 0])) : value });
    }
    pieces.sort((a, b) => a.start - b.start);
    let out = '';
    let at = r.start;
    for (const p of pieces) {
      if (p.start < at) continue;
      out += source(at, p.start) + p.text;
      at = p.end;
    }
    out += source(at, end);
    const line = out.replace(/\s+/g, ' ').trim();
    return end < r.end ? `${line} { … }` : line;
  };
  const lines: string[] = [];
  const counters = all.map(() => 0);
  const total = r.expansionCount;
  for (let n = 0; n < Math.min(limit, total); n++) {
    lines.push(render(new Map(all.map((s, i) => [s, counters[i]]))));
    for (let i = counters.length - 1; i >= 0; i--) {
      if (++counters[i] < all[i].items.length) break;
      counters[i] = 0;
    }
  }
  return { lines, total, mixedFamilies: mixedFamilies(r) };
}
