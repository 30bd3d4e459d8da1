import type { IfValueForm } from '../model/ifconfig-value';
import { classifyIfVar, type IfVarRole } from '../model/rc-interfaces';

/**
 * What the ifconfig keywords of a CARP alias mean, written by us from
 * carp(4), ifconfig(8) and the checks in sbin/ifconfig/carp.c and
 * sys/netinet/ip_carp.c carp_ioctl_set().
 * Hover and completion both read this table so they never disagree.
 */
export interface CarpKeywordDoc {
  keyword: string;
  /** What follows the keyword, e.g. `<1-255>`; empty for keywords without an argument. */
  argument: string;
  /** Short label for completion lists. */
  summary: string;
  /** Full explanation for hover and completion documentation. */
  meaning: string;
  /** The accepted range, when the kernel or ifconfig checks one. */
  range?: string;
  /** True for CARP's own keywords (not plain address keywords like inet or netmask). */
  carp: boolean;
}

/** CARP's documented key length: the kernel keeps 20 bytes, ifconfig copies at most 19 bytes. */
export const CARP_PASS_SIGNIFICANT = 19;

const DOCS: CarpKeywordDoc[] = [
  {
    keyword: 'vhid',
    argument: '<1-255>',
    summary: 'CARP virtual host ID',
    meaning:
      'Virtual host ID of the CARP group this address belongs to. Every node sharing the address uses the same vhid, ' +
      'and it must be unique on the network segment: the virtual MAC is 00:00:5e:00:01:<vhid>.',
    range: '1–255',
    carp: true,
  },
  {
    keyword: 'advbase',
    argument: '<seconds>',
    summary: 'base advertisement interval (s)',
    meaning:
      'Base interval between advertisements, in seconds (default 1). Keep it equal on all nodes; ' +
      'a backup takes over after about 3 × advbase without hearing the master.',
    range: '1–255',
    carp: true,
  },
  {
    keyword: 'advskew',
    argument: '<0-254>',
    summary: 'advertisement skew (1/256 s)',
    meaning:
      'Skew added to the advertisement interval, in 1/256 s (default 0). The node advertising most often ' +
      '(lowest advbase + advskew) wins the election, so give the preferred master the lowest value and each node ' +
      'a different one. Values above 240 act like 240.',
    range: '0–254',
    carp: true,
  },
  {
    keyword: 'pass',
    argument: '<password>',
    summary: 'shared CARP password',
    meaning:
      'Shared secret that authenticates advertisements (HMAC-SHA1 over the vhid and its addresses). It must be ' +
      `identical on every node, or each rejects the other and both become master. Only the first ${CARP_PASS_SIGNIFICANT} ` +
      'characters count; longer passwords are cut silently.',
    carp: true,
  },
  {
    keyword: 'state',
    argument: 'init|backup|master',
    summary: 'force the CARP state',
    meaning:
      'Forces the vhid into a state (case-insensitive). Normally used by hand, e.g. `ifconfig em0 vhid 1 state backup` ' +
      'to hand the master role back; at boot the election decides.',
    range: 'init, backup or master',
    carp: true,
  },
  {
    keyword: 'peer',
    argument: '<IPv4 address>',
    summary: 'unicast CARP peer (14.0+)',
    meaning: 'Sends advertisements by unicast to this IPv4 address instead of multicast to 224.0.0.18 (FreeBSD 14.0 and later).',
    carp: true,
  },
  {
    keyword: 'peer6',
    argument: '<IPv6 address>',
    summary: 'unicast IPv6 CARP peer (14.0+)',
    meaning: 'Sends advertisements by unicast to this numeric IPv6 address instead of multicast to ff02::12 (FreeBSD 14.0 and later).',
    carp: true,
  },
  {
    keyword: 'mcast',
    argument: '',
    summary: 'multicast advertisements (default)',
    meaning: 'Sends IPv4 advertisements to the multicast group 224.0.0.18 again, the default.',
    carp: true,
  },
  {
    keyword: 'mcast6',
    argument: '',
    summary: 'IPv6 multicast advertisements (default)',
    meaning: 'Sends IPv6 advertisements to ff02::12 again, the default.',
    carp: true,
  },
  {
    keyword: 'inet',
    argument: '',
    summary: 'IPv4 address family',
    meaning: 'The address that follows is IPv4. An alias value should start with it; rc warns when the family keyword is missing.',
    carp: false,
  },
  {
    keyword: 'inet6',
    argument: '',
    summary: 'IPv6 address family',
    meaning: 'The address that follows is IPv6. An alias value should start with it.',
    carp: false,
  },
  {
    keyword: 'alias',
    argument: '',
    summary: 'add as an extra address',
    meaning: 'Adds the address next to the existing ones instead of replacing the primary address.',
    carp: false,
  },
  {
    keyword: 'netmask',
    argument: '<mask>',
    summary: 'IPv4 network mask',
    meaning:
      'Network mask of the IPv4 address, dotted (255.255.255.0) or hex (0xffffff00). A CARP virtual address usually ' +
      'uses a host mask (/32) inside a subnet already on the interface.',
    carp: false,
  },
  {
    keyword: 'prefixlen',
    argument: '<length>',
    summary: 'IPv6 prefix length',
    meaning: 'Prefix length of the IPv6 address, the same as writing /length after it.',
    carp: false,
  },
];

const BY_KEYWORD = new Map(DOCS.map((d) => [d.keyword, d]));

/** The doc of one ifconfig keyword, or undefined when the word is not one we document. */
export function carpKeywordDoc(keyword: string): CarpKeywordDoc | undefined {
  return BY_KEYWORD.get(keyword);
}

/** The keywords offered inside an alias value, in the order a writer types them. */
export const ALIAS_KEYWORDS: readonly string[] = ['inet', 'inet6', 'vhid', 'advskew', 'advbase', 'pass', 'state', 'peer', 'alias', 'netmask'];

/** The values `state` accepts, lower-case as rc.conf files usually write them. */
export const CARP_STATES: readonly string[] = ['backup', 'master', 'init'];

const FORMS: Record<IfVarRole, IfValueForm> = { primary: 'primary', ipv6: 'single', aliases: 'multi', alias: 'single', ipv4_addrs: 'addrs' };

/**
 * How network.subr splits the value of an interface variable, or undefined
 * for variables that hold no ifconfig arguments. Features use it to know
 * where CARP keywords can appear.
 */
export function ifconfigForm(name: string): IfValueForm | undefined {
  if (name === 'ifconfig_DEFAULT') return 'primary';
  const v = classifyIfVar(name);
  return v ? FORMS[v.role] : undefined;
}
