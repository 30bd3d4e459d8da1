/**
 * The CARP sysctls as data (FreeBSD 14-era sys/netinet/ip_carp.c: the
 * net.inet.carp SYSCTL_* definitions and their handlers carp_allow_sysctl(),
 * carp_dscp_sysctl(), carp_demote_adj_sysctl(); and pfsync(4)), shared by the loader/sysctl checks, hover and completion so the
 * product states one set of names, defaults and ranges everywhere.
 *
 * API:
 * - `CARP_SYSCTLS`: every real OID, in carp(4) order.
 * - `carpSysctl(oid)`: the entry for a full OID, or undefined.
 * - `LEGACY_CARP_SYSCTLS`: names that existed only before FreeBSD 10.
 * - `parseSysctlInt(value)`: reads an integer the way sysctl(8) does.
 * - `carpValueProblem(entry, value)`: why a value is refused, or undefined.
 */

/** One sysctl and what the product needs to know about it. */
export interface CarpSysctl {
  /** Full OID, e.g. `net.inet.carp.preempt`. */
  oid: string;
  /** The last component, e.g. `preempt`: what completion after `net.inet.carp.` offers. */
  leaf: string;
  /** `int` for the knobs; `struct` for the read-only counters. */
  type: 'int' | 'struct';
  /** The kernel's default, absent for `struct`. */
  default?: number;
  /** Inclusive bounds the value must stay within; an absent bound is unchecked. */
  min?: number;
  max?: number;
  /** Meaning of notable values, for hover and value completion. */
  values?: readonly { value: number; meaning: string }[];
  /** True when the loader passes it to the kernel (loader.conf works), false when only sysctl.conf does. */
  tunable: boolean;
  /** False for counters that cannot be set at all. */
  writable: boolean;
  /** 'add' when a write adds to the current value instead of replacing it (demotion). */
  write: 'set' | 'add';
  /** One line, written by us, saying what it does and why an admin would touch it. */
  description: string;
  /** Manual page that documents it. */
  man: 'carp(4)' | 'pfsync(4)';
}

/** Prefix of the kernel CARP sysctls; everything below it is checked against the catalogue. */
export const CARP_SYSCTL_PREFIX = 'net.inet.carp.';

/** The default of both demotion factors: CARP_MAXSKEW, the most a node can be demoted. */
const MAXSKEW = 240;

const ON_OFF = [
  { value: 0, meaning: 'off' },
  { value: 1, meaning: 'on' },
] as const;

/** Every real CARP-related sysctl. */
export const CARP_SYSCTLS: readonly CarpSysctl[] = [
  {
    oid: 'net.inet.carp.allow',
    leaf: 'allow',
    type: 'int',
    default: 1,
    min: 0,
    max: 1,
    values: [
      { value: 0, meaning: 'CARP off: every vhid drops to INIT and advertisements are ignored' },
      { value: 1, meaning: 'CARP on' },
    ],
    tunable: true,
    writable: true,
    write: 'set',
    description: 'Master switch for CARP; the only CARP loader tunable, so loader.conf can hold CARP back at boot with 0.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.dscp',
    leaf: 'dscp',
    type: 'int',
    default: 56,
    min: 0,
    max: 63,
    tunable: false,
    writable: true,
    write: 'set',
    description: 'DSCP code point of outgoing advertisements (default 56, CS7); the kernel refuses values outside 0-63.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.preempt',
    leaf: 'preempt',
    type: 'int',
    default: 0,
    min: 0,
    max: 1,
    values: ON_OFF,
    tunable: false,
    writable: true,
    write: 'set',
    description: 'Lets a BACKUP take over from a master that advertises less often; set it the same on every node.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.log',
    leaf: 'log',
    type: 'int',
    default: 1,
    min: 0,
    values: [
      { value: 0, meaning: 'no logging' },
      { value: 1, meaning: 'log state changes' },
      { value: 2, meaning: 'also log bad packets, such as a wrong password ("incorrect hash")' },
    ],
    tunable: false,
    writable: true,
    write: 'set',
    description: 'CARP logging: 0 off, 1 state changes, 2 also rejected advertisements (the only way to see a password mismatch).',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.demotion',
    leaf: 'demotion',
    type: 'int',
    default: 0,
    tunable: false,
    writable: true,
    write: 'add',
    description: 'Global demotion counter added to every advskew; a write ADDS to it, so it is an action, not a setting.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.senderr_demotion_factor',
    leaf: 'senderr_demotion_factor',
    type: 'int',
    default: MAXSKEW,
    tunable: false,
    writable: true,
    write: 'set',
    description: 'Demotion added after 3 consecutive advertisement send errors, removed after 3 good sends.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.ifdown_demotion_factor',
    leaf: 'ifdown_demotion_factor',
    type: 'int',
    default: MAXSKEW,
    tunable: false,
    writable: true,
    write: 'set',
    description: 'Demotion added while a CARP parent interface is down; with preempt=1 it moves every vhid to the peer.',
    man: 'carp(4)',
  },
  {
    oid: 'net.inet.carp.stats',
    leaf: 'stats',
    type: 'struct',
    tunable: false,
    writable: false,
    write: 'set',
    description: 'Read-only CARP counters (badauth, badvhid, ipackets, ...); read them with netstat -s -p carp.',
    man: 'carp(4)',
  },
  {
    oid: 'net.pfsync.carp_demotion_factor',
    leaf: 'carp_demotion_factor',
    type: 'int',
    default: MAXSKEW,
    tunable: false,
    writable: true,
    write: 'set',
    description: 'Demotion pfsync adds while its bulk update runs, so a node does not become master with an empty state table.',
    man: 'pfsync(4)',
  },
];

const BY_OID = new Map(CARP_SYSCTLS.map((s) => [s.oid, s]));

/** The catalogue entry for a full OID; case-sensitive, as sysctl names are. */
export function carpSysctl(oid: string): CarpSysctl | undefined {
  return BY_OID.get(oid);
}

/** `net.inet.carp.*` leaves that existed only in the legacy (FreeBSD 9 and earlier) CARP. */
export const LEGACY_CARP_SYSCTLS: readonly string[] = ['arpbalance', 'suppress_preempt'];

/**
 * Reads an integer as sysctl(8) does for an int OID (strtoimax with base 0):
 * decimal, 0x hex or leading-0 octal, optional sign, nothing after it.
 * Undefined when sysctl would say "invalid integer".
 */
export function parseSysctlInt(value: string): number | undefined {
  const m = /^[\t ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(value);
  if (!m) return undefined;
  const digits = m[2];
  const n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : parseInt(digits, 10);
  return m[1] === '-' ? -n : n;
}

/** Why the kernel or sysctl(8) refuses (or misreads) a value for this OID, or undefined when it is fine. */
export function carpValueProblem(entry: CarpSysctl, value: string): string | undefined {
  if (entry.type !== 'int') return undefined;
  const n = parseSysctlInt(value);
  if (n === undefined) {
    return value.trim() === ''
      ? `${entry.oid} needs a number; sysctl refuses an empty value.`
      : `${entry.oid} needs an integer, but '${value}' is not one; sysctl refuses it ("invalid integer") and the setting is not applied.`;
  }
  const below = entry.min !== undefined && n < entry.min;
  const above = entry.max !== undefined && n > entry.max;
  if (!below && !above) return undefined;
  const range = entry.max === undefined ? `${entry.min} or more` : `${entry.min} to ${entry.max}`;
  return `${entry.oid} accepts ${range}, not ${value}.`;
}
