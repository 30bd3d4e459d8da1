import { distance } from 'fastest-levenshtein';
import data from '../data/rc-knobs.json';

/** One entry of the generated catalogue (server/src/data/rc-knobs.json, from /etc/defaults/rc.conf). */
interface CatalogueKnob {
  name: string;
  default: string;
  line?: number;
}

const catalogue = data as { knobs: CatalogueKnob[]; documented?: { name: string }[] };
const DEFAULTS = new Map<string, string>(catalogue.knobs.map((k) => [k.name, k.default]));

/** The value /etc/defaults/rc.conf gives a knob, or undefined when it sets none. */
export function rcDefault(name: string): string | undefined {
  return DEFAULTS.get(name);
}

/**
 * Every knob name FreeBSD's rc knows by name: the defaults file plus the
 * hand-documented extras (kld_list, ifconfig_DEFAULT, ...). Used to tell a
 * typo from a real knob and as the candidate list for suggestions.
 */
export const RC_KNOB_NAMES: ReadonlySet<string> = new Set([...DEFAULTS.keys(), ...(catalogue.documented ?? []).map((d) => d.name)]);

/**
 * Suffixes rc.subr (run_rc_command, load_rc_config) or most rc.d scripts
 * read for any service `<name>`, so `<anything><suffix>` is a legitimate
 * knob of a service we do not know (a port such as nginx) rather than a typo.
 */
export const RC_SERVICE_SUFFIXES: readonly string[] = [
  '_enable', '_flags', '_program', '_procname', '_pidfile', '_user', '_group', '_groups', '_chdir', '_chroot',
  '_nice', '_limits', '_fib', '_env', '_env_file', '_oomprotect', '_setup', '_prepend', '_login_class',
  '_umask', '_svcj', '_svcj_options', '_profiles', '_config', '_conf', '_rules', '_timeout', '_dir', '_args',
  '_interfaces', '_list', '_precmd', '_krb5_ccache',
];

/**
 * Families of names built from an interface, route or profile name
 * (`ifconfig_<if>_alias<N>`, `route_<name>`, ...) and rc.subr's per-service
 * `_svcj*` knobs. Their instances are never in the catalogue.
 */
const INSTANCE_PATTERNS: readonly RegExp[] = [
  /^ifconfig_/,
  /^ipv6_ifconfig_/,
  /^create_args_/,
  /^vlans_/,
  /^wlans_/,
  /^ipv4_addrs_/,
  /^route_/,
  /^ipv6_route_/,
  /^ipv6_prefix_/,
  /^autobridge_/,
  /^jail_[A-Za-z0-9_]+_/,
  /^ppp_[A-Za-z0-9_]+_/,
  /^ifconfig$/,
  /_svcj/,
];

/**
 * True when rc reads `name` even though it may not be in the catalogue: a
 * catalogue knob, a per-service suffix of an unknown service, or an
 * interface/route instance name. Such names must never be reported as typos.
 */
export function isKnownRcName(name: string): boolean {
  if (RC_KNOB_NAMES.has(name)) return true;
  if (INSTANCE_PATTERNS.some((re) => re.test(name))) return true;
  return RC_SERVICE_SUFFIXES.some((s) => name.length > s.length && name.endsWith(s));
}

/** The value /etc/defaults/rc.conf gives a knob, or undefined when it sets none. */
export function rcKnobDefault(name: string): string | undefined {
  return DEFAULTS.get(name);
}

/**
 * Catalogue knobs whose default is YES or NO but which take other values too
 * (a device, an address, a keymap, ALL), so checkyesno never reads them.
 */
const NOT_YES_NO = new Set([
  'gbde_devices', 'extra_netfs_types', 'nisdomainname', 'ip_portrange_first', 'ip_portrange_last',
  'defaultrouter', 'ipv6_defaultrouter', 'ipv6_cpe_wanif', 'ipv6_default_interface', 'keymap', 'keyrate',
  'keybell', 'keychange', 'cursor', 'scrnmap', 'font8x16', 'font8x14', 'font8x8', 'saver', 'mousechar_start',
  'dumpdev', 'syslogd_oomprotect',
]);

/** `*_enable` knobs documented with a value besides YES/NO (rc.conf(5)): those values are valid too. */
const EXTRA_VALUES: Readonly<Record<string, readonly string[]>> = {
  sendmail_enable: ['NONE'],
};

/**
 * True for knobs rc tests with checkyesno: every `*_enable` (rc.subr's
 * rcvar convention) and the catalogue knobs whose default is YES or NO,
 * minus those documented as taking other values.
 */
export function isYesNoKnob(name: string): boolean {
  if (name.endsWith('_enable') && name.length > '_enable'.length) return true;
  if (NOT_YES_NO.has(name)) return false;
  const d = DEFAULTS.get(name)?.toUpperCase();
  return d === 'YES' || d === 'NO';
}

/** Values documented for a YES/NO knob beyond what checkyesno accepts (sendmail_enable="NONE"). */
export function extraYesNoValues(name: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(EXTRA_VALUES, name) ? EXTRA_VALUES[name] : [];
}

/**
 * What rc.subr's checkyesno makes of a value: it accepts yes/true/on/1 and
 * no/false/off/0 in any letter case, exactly (no blanks), and warns
 * "is not set properly" and treats anything else as NO.
 */
export function checkYesNo(value: string): 'yes' | 'no' | undefined {
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'true' || v === 'on' || v === '1') return 'yes';
  if (v === 'no' || v === 'false' || v === 'off' || v === '0') return 'no';
  return undefined;
}

/** Largest edit distance still treated as a typo: 1 for short names, where 2 edits make a different word. */
export function typoThreshold(name: string): number {
  return name.length <= 6 ? 1 : 2;
}

const suggestions = new Map<string, string | undefined>();

/**
 * The catalogue knob `name` is most likely a typo of, or undefined (always
 * for a name rc reads, see isKnownRcName). Within typoThreshold edits. Besides catalogue knobs, a
 * misspelt `_enable` of any service (`nginx_enabled`, `foo_enbale`) is
 * recognised, since that typo silently leaves the service off.
 */
export function suggestKnob(name: string): string | undefined {
  if (suggestions.has(name)) return suggestions.get(name);
  const found = isKnownRcName(name) ? undefined : nearestKnob(name);
  // A file repeats the same few names; bounded so a hostile file cannot grow it without limit.
  if (suggestions.size < 10_000) suggestions.set(name, found);
  return found;
}

function nearestKnob(name: string): string | undefined {
  const limit = typoThreshold(name);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const known of RC_KNOB_NAMES) {
    if (Math.abs(known.length - name.length) > limit || known === name) continue;
    const d = distance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  if (best) return best;
  const m = /^(.+)_(e[a-z]*)$/.exec(name);
  if (m && m[2] !== 'enable' && distance(m[2], 'enable') <= 2 && m[2].length >= 5) return `${m[1]}_enable`;
  return undefined;
}
