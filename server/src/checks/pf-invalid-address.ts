import * as ipaddr from 'ipaddr.js';
import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { originRelated, parserErrorFindings } from './pf-common';
import { operandsOf, type HostUse } from './pf-operands';
import type { PfHost, PfWord } from '../parsers/pf';
import { quoteSource } from '../parsers/quote';

/**
 * Addresses pfctl cannot use: a literal IPv4/IPv6 address that is
 * malformed, a prefix length too long for its family, an address range
 * whose ends differ in family, `urpf-failed` as a destination, and dynamic
 * `(if)` forms with a bad name or modifier. pfctl fails on each ("could not
 * parse host specification", "invalid netmask", "invalid address range", …),
 * so the file is not loaded. Words that could be host, interface or group
 * names are never flagged: pfctl resolves those when it loads the rules.
 * Also reports the parser's address errors (forms not allowed in tables).
 */
export const pfInvalidAddress: Check = {
  code: 'pf/invalid-address',
  kinds: ['pf'],
  run({ doc }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = parserErrorFindings(doc, 'pf/invalid-address', (e) => `${e.message} — pfctl refuses to load the file.`);
    for (const use of operandsOf(doc.pf.statements).hosts) {
      const problem = hostProblem(use);
      if (!problem) continue;
      const at = problem.at ?? use.host;
      const origin = problem.at?.origin ?? use.host.address?.origin ?? use.host.interface?.origin ?? use.host.prefix?.origin;
      const message = problem.certain === false ? problem.message : `${problem.message} — pfctl refuses to load the file.`;
      findings.push(findingAt(doc, 'pf/invalid-address', at.start, at.end, message, { related: originRelated(doc, origin) }));
    }
    return dedupe(findings);
  },
};

/** What a written address is: a literal of a family, a malformed literal, or a name pfctl would resolve. */
export type AddressKind = { family: 'inet' | 'inet6' } | { invalid: string } | undefined;

/**
 * Classifies an address word. Only words that cannot be names are judged:
 * digits and dots with three or more dots (DNS has no all-numeric top-level
 * domain), or hex digits with two or more colons (colons are not allowed in
 * host or interface names). Octets with leading zeros are left alone, since
 * the resolver may read them as octal.
 */
export function classifyAddress(text: string): AddressKind {
  if (/^[0-9.]+$/.test(text)) {
    const parts = text.split('.');
    if (parts.length === 1) return { family: 'inet' }; // the `10` of `10/8`
    if (parts.length < 4) return undefined;
    if (parts.length === 4 && parts.some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return { family: 'inet' };
    return { invalid: `${quoteSource(text)} is not a valid IPv4 address (four numbers from 0 to 255); pfctl cannot parse this host specification` };
  }
  if ((text.match(/:/g) ?? []).length >= 2 && /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(text)) {
    if (ipaddr.IPv6.isValid(text)) return { family: 'inet6' };
    if (/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(text)) return { invalid: `${quoteSource(text)} is a MAC address, not an IP address; only ether rules match MAC addresses, so pfctl cannot parse this host specification` };
    return { invalid: `${quoteSource(text)} is not a valid IPv6 address; pfctl cannot parse this host specification` };
  }
  return undefined;
}

const MODIFIERS = new Set(['network', 'broadcast', 'peer', '0']);

/** A problem with an address; `certain: false` when pfctl might still load it (with a meaning the author cannot have intended). */
interface Problem {
  message: string;
  at?: PfWord;
  certain?: boolean;
}

function hostProblem(use: HostUse): Problem | undefined {
  const h: PfHost = use.host;
  if (h.kind === 'urpf-failed' && use.slot === 'to') return { message: '"urpf-failed" is not permitted in a destination address: it tests the source\'s route' };
  if (h.kind === 'dynamic' && h.interface && use.slot !== 'table') return dynamicProblem(h.interface) ?? prefixProblem(h, undefined);
  // Ranges in tables are already refused as a form by the parser.
  if (h.kind === 'range' && h.address && use.slot !== 'table') {
    const [a, b] = h.rangeEnd ? [h.address.text, h.rangeEnd.text] : h.address.text.split(' - ');
    const ka = classifyAddress(a);
    const kb = classifyAddress(b ?? '');
    for (const k of [ka, kb]) if (k && 'invalid' in k) return { message: k.invalid };
    if (ka && kb && 'family' in ka && 'family' in kb && ka.family !== kb.family) {
      return { message: `invalid address range: ${a} and ${b} are not of the same address family` };
    }
    return undefined;
  }
  if (h.kind !== 'address' || !h.address) return undefined;
  const kind = classifyAddress(h.address.text);
  if (kind && 'invalid' in kind) return { message: kind.invalid, at: h.address };
  return prefixProblem(h, kind?.family);
}

function prefixProblem(h: PfHost, family: 'inet' | 'inet6' | undefined): Problem | undefined {
  if (!h.prefix) return undefined;
  const n = Number(h.prefix.text);
  if (!Number.isInteger(n)) return undefined;
  if (n < 0 || n > 128) {
    const what = h.kind === 'dynamic' ? 'bit number too big' : `invalid netmask '/${h.prefix.text}'`;
    return { message: `${what}: a prefix length goes from 0 to 32 for IPv4 and 0 to 128 for IPv6` };
  }
  if (family === 'inet' && n > 32) {
    return { message: `invalid netmask: /${n} is longer than an IPv4 address (prefix lengths go from 0 to 32), so it cannot be what was meant`, certain: false };
  }
  return undefined;
}

function dynamicProblem(w: PfWord): Problem | undefined {
  const [name, ...mods] = w.text.split(':');
  if (!/^[A-Za-z]/.test(name)) return { message: `invalid interface name ${quoteSource(name)}: the (…) form follows the addresses of an interface, written as a name such as (em0)` };
  const bad = mods.find((m) => !MODIFIERS.has(m));
  if (bad !== undefined) return { message: `interface ${w.text} has bad modifier ':${bad}' (use :network, :broadcast, :peer or :0)` };
  if (new Set(mods.filter((m) => m !== '0')).size > 1) return { message: `illegal combination of interface modifiers: :network, :broadcast and :peer exclude each other` };
  return undefined;
}

/** One finding per place and problem: a macro holding a bad address is reported once per use, not once per check path. */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.range.start.line}:${f.range.start.character}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
