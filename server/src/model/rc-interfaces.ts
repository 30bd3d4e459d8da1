import type { RcAssignment } from '../parsers/rcconf';
import { parseIfconfigValue, splitIfconfigWords, type IfconfigEntry, type IfValueForm, type IfWord } from './ifconfig-value';

/** Which kind of interface variable an rc.conf name is (libexec/rc/network.subr ifconfig_up(), ifalias_af_common()). */
export type IfVarRole = 'primary' | 'ipv6' | 'aliases' | 'alias' | 'ipv4_addrs';

/** An interface variable name, taken apart. */
export interface IfVarName {
  role: IfVarRole;
  /** The interface as rc spells it in variable names: `em0_5` for em0.5 (see ifVarKey). */
  ifKey: string;
  /** N of `_aliasN`. */
  aliasNumber?: number;
}

const FORM: Record<IfVarRole, IfValueForm> = { primary: 'primary', ipv6: 'primary', aliases: 'aliases', alias: 'multi', ipv4_addrs: 'addrs' };

/**
 * Classifies an rc.conf variable as interface address configuration, or
 * undefined. `ifconfig_<if>_descr`/`_name` and `ifconfig_DEFAULT` carry no
 * address of a named interface and are left out.
 */
export function classifyIfVar(name: string): IfVarName | undefined {
  // Most rc.conf variables are neither; asked for every assignment of every node.
  if (!name.startsWith('ifconfig_') && !name.startsWith('ipv4_addrs_')) return undefined;
  let m = /^ifconfig_(\w+?)_alias(\d+)$/.exec(name);
  if (m) return { role: 'alias', ifKey: m[1], aliasNumber: Number(m[2]) };
  m = /^ifconfig_(\w+?)_(aliases|ipv6|descr|name)$/.exec(name);
  if (m) return m[2] === 'aliases' || m[2] === 'ipv6' ? { role: m[2], ifKey: m[1] } : undefined;
  m = /^ifconfig_(\w+)$/.exec(name);
  if (m) return m[1] === 'DEFAULT' ? undefined : { role: 'primary', ifKey: m[1] };
  m = /^ipv4_addrs_(\w+)$/.exec(name);
  if (m) return { role: 'ipv4_addrs', ifKey: m[1] };
  return undefined;
}

/** The variable-name spelling of an interface, as network.subr's get_if_var makes it: `.`, `-`, `/`, `+` become `_`. */
export function ifVarKey(ifName: string): string {
  return ifName.replace(/[.\-/+]/g, '_');
}

/**
 * Best guess at the interface name behind a variable key. A key may stand for
 * several names (`em0_5` is em0.5 or em0-5), so names the node declares
 * (cloned_interfaces, vlans_<if>) win; otherwise `<if>_<n>` is read as the
 * VLAN `<if>.<n>`, the common case.
 */
export function ifNameOfKey(key: string, knownNames: Iterable<string> = []): string {
  for (const name of knownNames) if (ifVarKey(name) === key) return name;
  const vlan = /^([a-z]+\d+)_(\d+)$/.exec(key);
  return vlan ? `${vlan[1]}.${vlan[2]}` : key;
}

/** True for the carpN pseudo-interface names of FreeBSD 9 and earlier. */
export function isLegacyCarpName(ifKey: string): boolean {
  return /^carp\d+$/.test(ifKey);
}

/** The rc.conf files of one node in load order, as the model reads them. */
export interface RcSource {
  uri: string;
  assignments: readonly RcAssignment[];
}

/** One interface variable assignment. */
export interface IfVarSource {
  uri: string;
  assignment: RcAssignment;
  var: IfVarName;
  /** False when a later, unconditional assignment of the same variable (in load order) replaces this one. */
  effective: boolean;
  /** True when the value cannot be known without running the shell. */
  dynamic: boolean;
  entries: IfconfigEntry[];
}

/** One ifconfig command network.subr runs for an interface. */
export interface IfItem {
  source: IfVarSource;
  entry: IfconfigEntry;
  /** False for aliases after an empty `_aliasN`, which network.subr never reaches. */
  applied: boolean;
}

/** Everything a node's rc files configure on one interface. */
export interface InterfaceConfig {
  key: string;
  name: string;
  /** Every assignment, effective or not, in load order. */
  sources: IfVarSource[];
  /** The commands of the effective assignments, in network.subr's order: primary, ipv6, _aliases, _aliasN, ipv4_addrs. */
  items: IfItem[];
  /** True when some effective value is dynamic: the interface may carry more than the model shows. */
  dynamic: boolean;
  /** The number of the first empty `_aliasN`, where alias processing stops. */
  aliasStop: number | undefined;
}

/** One item of `cloned_interfaces`. */
export interface ClonedItem {
  uri: string;
  assignment: RcAssignment;
  word: IfWord;
  /** The interface name without a `:sticky`/`:nosticky` suffix. */
  name: string;
  effective: boolean;
}

/** The interface configuration of a node, the base the CARP cluster model is built on. */
export interface NodeInterfaces {
  interfaces: Map<string, InterfaceConfig>;
  cloned: ClonedItem[];
}

const ROLE_ORDER: Record<IfVarRole, number> = { primary: 0, ipv6: 1, aliases: 2, alias: 3, ipv4_addrs: 4 };

/**
 * Lists every interface configuration in a node's rc files: `ifconfig_<if>`,
 * `_ipv6`, `_aliases`, `_aliasN`, `ipv4_addrs_<if>` and `cloned_interfaces`.
 * Later assignments replace earlier ones, as sourcing the files in order does.
 */
export function listInterfaces(files: readonly RcSource[]): NodeInterfaces {
  // An assignment is dead once a later one of the same name surely runs; a
  // conditional one (inside if/case, after && or ||) may not, so it replaces nothing.
  const dead = new Set<RcAssignment>();
  const replaced = new Set<string>();
  for (let i = files.length - 1; i >= 0; i--) {
    const assignments = files[i].assignments;
    for (let j = assignments.length - 1; j >= 0; j--) {
      const a = assignments[j];
      if (replaced.has(a.name)) dead.add(a);
      else if (!a.conditional) replaced.add(a.name);
    }
  }
  const interfaces = new Map<string, InterfaceConfig>();
  const cloned: ClonedItem[] = [];
  const known: string[] = [];
  for (const f of files) {
    for (const a of f.assignments) {
      const effective = !dead.has(a);
      if (a.name === 'cloned_interfaces') {
        for (const word of splitIfconfigWords(a.value, a.valueOffsets)) {
          if (word.text.includes('$')) continue;
          const name = word.text.replace(/:(no)?sticky$/, '');
          cloned.push({ uri: f.uri, assignment: a, word, name, effective });
          if (effective) known.push(name);
        }
        continue;
      }
      const vlans = a.name.startsWith('vlans_') ? /^vlans_(\w+)$/.exec(a.name) : null;
      if (vlans && effective && !/[$`]/.test(a.value)) {
        for (const w of a.value.split(/\s+/).filter(Boolean)) known.push(/^\d+$/.test(w) ? `${vlans[1]}.${w}` : w);
        continue;
      }
      const v = classifyIfVar(a.name);
      if (!v) continue;
      const parsed = parseIfconfigValue(a.value, a.valueOffsets, FORM[v.role]);
      const iface = interfaces.get(v.ifKey) ?? newInterface(v.ifKey);
      interfaces.set(v.ifKey, iface);
      iface.sources.push({ uri: f.uri, assignment: a, var: v, effective, dynamic: parsed.dynamic, entries: parsed.entries });
    }
  }
  for (const iface of interfaces.values()) finishInterface(iface, known);
  return { interfaces, cloned };
}

function newInterface(key: string): InterfaceConfig {
  return { key, name: key, sources: [], items: [], dynamic: false, aliasStop: undefined };
}

function finishInterface(iface: InterfaceConfig, known: readonly string[]): void {
  iface.name = ifNameOfKey(iface.key, known);
  const live = iface.sources.filter((s) => s.effective);
  live.sort((a, b) => ROLE_ORDER[a.var.role] - ROLE_ORDER[b.var.role] || (a.var.aliasNumber ?? 0) - (b.var.aliasNumber ?? 0));
  for (const s of live) {
    if (s.var.role === 'alias' && s.assignment.value === '' && iface.aliasStop === undefined) iface.aliasStop = s.var.aliasNumber;
    const applied = !(s.var.role === 'alias' && iface.aliasStop !== undefined && (s.var.aliasNumber ?? 0) >= iface.aliasStop);
    if (s.dynamic) iface.dynamic = true;
    for (const entry of s.entries) iface.items.push({ source: s, entry, applied });
  }
}

/**
 * The alias number a new `_aliasN` line for this interface should take: one
 * more than the highest in use in any of the node's files (gaps are fine:
 * libexec/rc/network.subr ifalias_af_common() lists the variables that are set). `blocked` is set when an empty alias below it would stop
 * network.subr before reaching the new line.
 */
export function nextAliasNumber(iface: InterfaceConfig | undefined): { n: number; blocked: boolean } {
  let highest = -1;
  for (const s of iface?.sources ?? []) if (s.var.role === 'alias') highest = Math.max(highest, s.var.aliasNumber ?? 0);
  return { n: highest + 1, blocked: iface?.aliasStop !== undefined };
}
