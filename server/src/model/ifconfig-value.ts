import { defaultPrefix, netmaskToPrefix, parseAddressWord, type ParsedAddressWord } from './if-address';

/**
 * One word of an ifconfig argument string with its source offsets, so a
 * check can underline exactly `300` in `vhid 300` even inside quotes.
 */
export interface IfWord {
  text: string;
  /** Offset of the first character in the document. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

/** The family keyword an ifconfig command (or one `_aliases` entry) starts with. */
export type IfFamily = 'inet' | 'inet6' | 'link' | 'ether';

/** Where an address's prefix length came from; `default` = none written, the kernel's default applies. */
export type PrefixSource = 'cidr' | 'netmask' | 'prefixlen' | 'default';

/** The address an ifconfig command configures. */
export interface IfAddress extends ParsedAddressWord {
  word: IfWord;
  /** Effective prefix length (undefined only for a range or an unreadable mask). */
  prefix: number | undefined;
  prefixSource: PrefixSource;
}

/** A `keyword value` pair; `value` is undefined when the keyword ends the command (ifconfig: "missing argument"). */
export interface IfParam {
  keyword: IfWord;
  value: IfWord | undefined;
}

/**
 * A numeric CARP parameter. `number` is the value when the word is a plain
 * decimal integer, undefined otherwise: ifconfig reads these with atoi(3),
 * which turns `abc` into 0 and `1x` into 1, so a non-numeric word is never
 * what the writer meant.
 */
export interface NumericParam extends IfParam {
  number: number | undefined;
}

/** The CARP keywords of one ifconfig command (sbin/ifconfig/carp.c setcarp_vhid(), setcarp_advskew(), ...). The last occurrence wins, as in ifconfig. */
export interface CarpParams {
  vhid?: NumericParam;
  advskew?: NumericParam;
  advbase?: NumericParam;
  pass?: IfParam;
  state?: IfParam;
  peer?: IfParam;
  peer6?: IfParam;
}

/** One ifconfig invocation: an `ifconfig_<if>` value, an `_aliasN` value or one entry of `_aliases`. */
export interface IfconfigEntry {
  words: IfWord[];
  /** The family keyword the entry starts with, or the one network.subr implies (inet for ipv4_addrs). */
  family: IfFamily | undefined;
  /** The written family keyword; undefined when it is implied or missing. */
  familyWord: IfWord | undefined;
  /** The first address word (ifconfig's address; a second one would be the point-to-point destination). */
  address: IfAddress | undefined;
  carp: CarpParams;
  /** `alias` is written (network.subr appends it to aliases anyway). */
  hasAlias: boolean;
  /** `-alias`, `delete` or `remove`: the entry takes an address away. */
  removes: boolean;
  /** `DHCP`/`SYNCDHCP`/`NOSYNCDHCP` on an `ifconfig_<if>` line: the address comes from DHCP. */
  dhcp: boolean;
}

/** How a value is split into ifconfig commands, following network.subr. */
export type IfValueForm = 'primary' | 'single' | 'multi' | 'aliases' | 'addrs';

/** The parsed ifconfig commands of one rc.conf value. */
export interface IfconfigValue {
  entries: IfconfigEntry[];
  /**
   * True when network.subr's `eval` would change the words: the value holds
   * `$`, a backquote, quotes, a backslash, a shell operator or a `#` word.
   * Such a value cannot be known without running the shell, so no check
   * reads it.
   */
  dynamic: boolean;
}

const FAMILIES: ReadonlySet<string> = new Set(['inet', 'inet6', 'link', 'ether']);
const CARP_NUMERIC = new Set(['vhid', 'advskew', 'advbase'] as const);
const CARP_TEXT = new Set(['pass', 'state', 'peer', 'peer6'] as const);

/**
 * ifconfig keywords that take one argument. Their argument must not be read
 * as an address (`broadcast 10.0.0.255`, `descr uplink`, `vnet jail1`).
 */
const ONE_ARG = new Set([
  'netmask', 'prefixlen', 'broadcast', 'mtu', 'media', 'mediaopt', '-mediaopt', 'mode', 'inst', 'instance',
  'vlan', 'vlandev', 'vlanpcp', 'vlanproto', 'description', 'descr', 'name', 'metric', 'fib', 'tunnelfib',
  'laggproto', 'laggport', '-laggport', 'lagghash', 'addm', 'deletem', 'ether', 'lladdr', 'link', 'ssid',
  'channel', 'wlandev', 'wlanmode', 'country', 'authmode', 'vnet', '-vnet', 'group', '-group', 'pltime',
  'vltime', 'txpower', 'priority', 'pcp', 'syncdev', 'syncpeer', 'maxupd', 'maxaddr', 'timeout', 'stp', '-stp',
]);

/** Characters (and a word-initial `#`) that the second evaluation by network.subr interprets. */
const SHELL_SPECIAL = /[$`'"\\;&|<>()]|(^|\s)#/;

/** network.subr's pseudo-words, removed from `ifconfig_<if>` before ifconfig sees it (matched case-insensitively). */
const PSEUDO_WORDS = new Set(['dhcp', 'syncdhcp', 'nosyncdhcp', 'noauto', 'wpa', 'hostap']);

/**
 * Splits a value into words at blanks, as the unquoted expansion in
 * network.subr does, keeping each word's source offsets. The end offset is
 * taken from the last character's offset, so a closing quote right after the
 * word is never included.
 */
export function splitIfconfigWords(value: string, valueOffsets: readonly number[]): IfWord[] {
  const words: IfWord[] = [];
  const offset = (i: number): number => valueOffsets[i] ?? (valueOffsets[valueOffsets.length - 1] ?? 0) + i;
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isBlank(value.charCodeAt(i))) i++;
    if (i >= value.length) break;
    const begin = i;
    while (i < value.length && !isBlank(value.charCodeAt(i))) i++;
    words.push({ text: value.slice(begin, i), start: offset(begin), end: offset(i - 1) + 1 });
  }
  return words;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Parses an rc.conf value holding ifconfig arguments into the commands
 * network.subr runs:
 * - `primary` (`ifconfig_<if>`, `_ipv6`): pseudo-words such as DHCP and `vnet <jail>` are dropped;
 * - `single`: one command, taken as written;
 * - `multi` (`_aliasN`): network.subr joins all alias values and starts a new
 *   command at each inet/inet6/link/ether word (a value without one is taken as inet);
 * - `aliases` (`_aliases`): the same, but words before the first family
 *   keyword are ignored, as network.subr's handler skips them;
 * - `addrs` (`ipv4_addrs_<if>`): each `addr/len` becomes `inet addr/len alias`.
 */
export function parseIfconfigValue(value: string, valueOffsets: readonly number[], form: IfValueForm): IfconfigValue {
  if (SHELL_SPECIAL.test(value)) return { entries: [], dynamic: true };
  return { entries: ifconfigCommands(splitIfconfigWords(value, valueOffsets), form), dynamic: false };
}

/**
 * Groups the words of a value into the ifconfig commands network.subr runs
 * (see parseIfconfigValue for the forms). Shared by the blank-split words of
 * plain values and the eval-split words of quoted ones (model/ifconfig-eval),
 * so both read keywords the same way; the entries hold the very word objects
 * given.
 */
export function ifconfigCommands(words: readonly IfWord[], form: IfValueForm): IfconfigEntry[] {
  if (form === 'addrs') {
    return words.map((w) => {
      const entry = parseIfconfigWords([w], 'inet');
      entry.hasAlias = true;
      return entry;
    });
  }
  if (form === 'multi' || form === 'aliases') {
    // network.subr prefixes a family-less _aliasN value with "inet" (and warns).
    return familyGroups(words, form === 'aliases').map((g) => parseIfconfigWords(g, 'inet'));
  }
  if (form === 'single') return words.length > 0 ? [parseIfconfigWords(words)] : [];
  let dhcp = false;
  const kept: IfWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i].text.toLowerCase();
    if (PSEUDO_WORDS.has(lower)) {
      if (lower.endsWith('dhcp')) dhcp = true;
      continue;
    }
    if (words[i].text === 'vnet') {
      i++; // `vnet <jail>` moves the interface into a jail; it is not an ifconfig argument here.
      continue;
    }
    kept.push(words[i]);
  }
  // `ifconfig_em0="DHCP"` alone still says where the address comes from: an entry without words keeps it.
  if (kept.length === 0 && !dhcp) return [];
  const entry = parseIfconfigWords(kept);
  entry.dhcp = dhcp;
  return [entry];
}

/**
 * Splits words into commands at each family keyword, as network.subr does
 * for `_aliasN` and `_aliases` values. With `dropLeading`, words before the
 * first keyword are left out (`_aliases`: the handler skips them).
 */
export function familyGroups<W extends IfWord>(words: readonly W[], dropLeading: boolean): W[][] {
  const groups: W[][] = [];
  for (const w of words) {
    if (FAMILIES.has(w.text) || groups.length === 0) groups.push([w]);
    else groups[groups.length - 1].push(w);
  }
  return dropLeading ? groups.filter((g) => FAMILIES.has(g[0].text)) : groups;
}

/**
 * Parses the words of one ifconfig command. `impliedFamily` is the family
 * network.subr adds when none is written (inet for aliases and ipv4_addrs);
 * without it the family stays undefined and entryFamily() falls back to the
 * address's own family, as for a legacy `ifconfig_carp0="vhid 1 ... 192.0.2.1/24"`.
 */
export function parseIfconfigWords(words: readonly IfWord[], impliedFamily?: IfFamily): IfconfigEntry {
  const entry: IfconfigEntry = {
    words: [...words],
    family: undefined,
    familyWord: undefined,
    address: undefined,
    carp: {},
    hasAlias: false,
    removes: false,
    dhcp: false,
  };
  let i = 0;
  if (words.length > 0 && FAMILIES.has(words[0].text)) {
    entry.family = words[0].text as IfFamily;
    entry.familyWord = words[0];
    i = 1;
  }
  let addressWord: { word: IfWord; parsed: ParsedAddressWord } | undefined;
  let netmask: string | undefined;
  let prefixlen: string | undefined;
  const isLinkLayer = entry.family === 'link' || entry.family === 'ether';
  for (; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1] as IfWord | undefined;
    const key = w.text;
    if (CARP_NUMERIC.has(key as 'vhid')) {
      entry.carp[key as 'vhid'] = { keyword: w, value: next, number: next && /^\d+$/.test(next.text) ? Number(next.text) : undefined };
      i++;
    } else if (CARP_TEXT.has(key as 'pass')) {
      entry.carp[key as 'pass'] = { keyword: w, value: next };
      i++;
    } else if (key === 'netmask' || key === 'prefixlen') {
      if (key === 'netmask') netmask = next?.text;
      else prefixlen = next?.text;
      i++;
    } else if (ONE_ARG.has(key)) {
      i++;
    } else if (key === 'tunnel') {
      i += 2;
    } else if (key === 'alias') {
      entry.hasAlias = true;
    } else if (key === '-alias' || key === 'delete' || key === 'remove') {
      entry.removes = true;
    } else if (!isLinkLayer && addressWord === undefined) {
      const parsed = parseAddressWord(key);
      if (parsed) addressWord = { word: w, parsed };
    }
  }
  if (addressWord) entry.address = resolvePrefix(addressWord.word, addressWord.parsed, netmask, prefixlen);
  if (entry.family === undefined && impliedFamily !== undefined) entry.family = impliedFamily;
  return entry;
}

function resolvePrefix(word: IfWord, parsed: ParsedAddressWord, netmask: string | undefined, prefixlen: string | undefined): IfAddress {
  const { family, ip, isRange } = parsed;
  // Object literals of one shape, not spreads of `parsed`: every address of every node passes here.
  if (parsed.prefix !== undefined) return { family, ip, isRange, word, prefix: parsed.prefix, prefixSource: 'cidr' };
  if (family === 'inet' && netmask !== undefined) return { family, ip, isRange, word, prefix: netmaskToPrefix(netmask), prefixSource: 'netmask' };
  if (prefixlen !== undefined) {
    const max = family === 'inet' ? 32 : 128;
    const n = /^\d{1,3}$/.test(prefixlen) ? Number(prefixlen) : NaN;
    return { family, ip, isRange, word, prefix: n <= max ? n : undefined, prefixSource: 'prefixlen' };
  }
  return { family, ip, isRange, word, prefix: ip ? defaultPrefix(ip) : undefined, prefixSource: 'default' };
}

/** The family an entry configures: the keyword when written, else the address's. */
export function entryFamily(entry: IfconfigEntry): IfFamily | undefined {
  return entry.family ?? entry.address?.family;
}

/** True when the entry puts an address on a CARP vhid (it carries `vhid` and adds rather than removes). */
export function isCarpEntry(entry: IfconfigEntry): boolean {
  return entry.carp.vhid !== undefined && !entry.removes;
}
