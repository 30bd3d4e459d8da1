import rcData from '../data/rc-knobs.json';
import loaderData from '../data/loader-knobs.json';

/** The manual pages the editor links to; every doc names the ones that define it. */
export type ManPage = 'rc.conf' | 'loader.conf' | 'sysctl.conf' | 'carp' | 'ifconfig' | 'pfsync';

const MAN: Record<ManPage, { section: number; url: string }> = {
  'rc.conf': { section: 5, url: 'https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5' },
  'loader.conf': { section: 5, url: 'https://man.freebsd.org/cgi/man.cgi?query=loader.conf&sektion=5' },
  'sysctl.conf': { section: 5, url: 'https://man.freebsd.org/cgi/man.cgi?query=sysctl.conf&sektion=5' },
  carp: { section: 4, url: 'https://man.freebsd.org/cgi/man.cgi?query=carp&sektion=4' },
  ifconfig: { section: 8, url: 'https://man.freebsd.org/cgi/man.cgi?query=ifconfig&sektion=8' },
  pfsync: { section: 4, url: 'https://man.freebsd.org/cgi/man.cgi?query=pfsync&sektion=4' },
};

/** A markdown link such as `[rc.conf(5)](https://man.freebsd.org/...)`, so hovers point at the real manual. */
export function manLink(page: ManPage): string {
  return `[${page}(${MAN[page].section})](${MAN[page].url})`;
}

/** What the editor knows about one rc.conf or loader.conf name. */
export interface KnobDoc {
  name: string;
  /** The value the defaults file sets; undefined when the defaults file does not set the name. */
  default?: string;
  /** One line written by us; undefined when we have nothing better than the default. */
  description?: string;
  /** True when the description was derived from the name's shape, not written for this knob. */
  generic: boolean;
  /** For names built from a pattern (`ifconfig_<if>_alias<N>`), the pattern, so hovers can explain it. */
  pattern?: string;
  /** True for names rc or the loader know only through a port's or package's own rc.d script. */
  portService?: boolean;
  man: ManPage[];
}

/** One name of a generated catalogue; `documented` extras have no default. */
interface CatalogueEntry {
  name: string;
  default?: string;
  description?: string;
  generic?: boolean;
}

interface Catalogue {
  knobs: CatalogueEntry[];
  documented?: CatalogueEntry[];
}

function index(data: Catalogue): Map<string, CatalogueEntry> {
  const map = new Map<string, CatalogueEntry>();
  for (const d of data.documented ?? []) map.set(d.name, d);
  for (const k of data.knobs) map.set(k.name, k);
  return map;
}

const RC = index(rcData as Catalogue);
const LOADER = index(loaderData as Catalogue);

/** Every rc.conf name the catalogue documents (defaults file plus our extras), for completion. */
export function rcCatalogue(): KnobDoc[] {
  return [...RC.values()].map((e) => fromCatalogue(e, ['rc.conf']));
}

/** Every loader.conf name the catalogue documents, for completion. */
export function loaderCatalogue(): KnobDoc[] {
  return [...LOADER.values()].map((e) => fromCatalogue(e, ['loader.conf']));
}

function fromCatalogue(entry: CatalogueEntry, man: ManPage[]): KnobDoc {
  return { name: entry.name, default: entry.default, description: entry.description, generic: entry.generic === true, man };
}

/**
 * Shapes of rc.conf names that the defaults file cannot list because they
 * contain an interface or route name. network.subr turns `.`, `-`, `/` and
 * `+` in interface names into `_`, so the interface part is shown as written.
 */
const RC_PATTERNS: { re: RegExp; pattern: string; man: ManPage[]; text: (m: RegExpExecArray) => string }[] = [
  {
    re: /^ifconfig_(\w+?)_alias(\d+)$/,
    pattern: 'ifconfig_<if>_alias<N>',
    man: ['rc.conf', 'ifconfig', 'carp'],
    text: (m) =>
      `Address alias ${m[2]} of interface \`${m[1]}\`, passed to \`ifconfig ${m[1]} ... alias\`. ` +
      'It should start with inet or inet6; a `vhid` makes it a CARP virtual address. ' +
      'Numbers need not be contiguous, but an empty alias stops the higher ones from being read.',
  },
  {
    re: /^ifconfig_(\w+?)_aliases$/,
    pattern: 'ifconfig_<if>_aliases',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `Several address aliases of \`${m[1]}\` in one value, each entry starting with inet, inet6, link or ether.`,
  },
  {
    re: /^ifconfig_(\w+?)_ipv6$/,
    pattern: 'ifconfig_<if>_ipv6',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `IPv6 configuration of \`${m[1]}\`, applied after IPv6 is enabled on it; it must start with \`inet6\`.`,
  },
  {
    re: /^ifconfig_(\w+?)_descr$/,
    pattern: 'ifconfig_<if>_descr',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `Description of \`${m[1]}\`, shown by ifconfig.`,
  },
  {
    re: /^ifconfig_(\w+?)_name$/,
    pattern: 'ifconfig_<if>_name',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `Renames \`${m[1]}\` at boot; later variables must use the new name.`,
  },
  {
    re: /^ipv6_ifconfig_(\w+?)(?:_alias(\d+))?$/,
    pattern: 'ipv6_ifconfig_<if>[_alias<N>]',
    man: ['rc.conf'],
    text: (m) => `Obsolete IPv6 setting of \`${m[1]}\`; rc warns about it. Use ifconfig_${m[1]}_ipv6 or ifconfig_${m[1]}_alias<N>="inet6 ...".`,
  },
  {
    re: /^ifconfig_(\w+)$/,
    pattern: 'ifconfig_<if>',
    man: ['rc.conf', 'ifconfig'],
    text: (m) =>
      `Arguments for \`ifconfig ${m[1]}\` at boot (DHCP, SYNCDHCP, NOAUTO, WPA are understood by rc). ` +
      'It only applies when the interface exists; carpN interfaces do not exist since FreeBSD 10.',
  },
  {
    re: /^ipv4_addrs_(\w+)$/,
    pattern: 'ipv4_addrs_<if>',
    man: ['rc.conf'],
    text: (m) => `Old-style list of \`addr/len\` IPv4 aliases for \`${m[1]}\`, kept for backward compatibility.`,
  },
  {
    re: /^vlans_(\w+)$/,
    pattern: 'vlans_<if>',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `VLAN interfaces created on \`${m[1]}\`: a number N creates ${m[1]}.N, a name needs create_args_<name> with a vlan tag.`,
  },
  {
    re: /^wlans_(\w+)$/,
    pattern: 'wlans_<if>',
    man: ['rc.conf'],
    text: (m) => `Wireless interfaces (wlanN) created on the radio \`${m[1]}\`.`,
  },
  {
    re: /^create_args_(\w+)$/,
    pattern: 'create_args_<if>',
    man: ['rc.conf', 'ifconfig'],
    text: (m) => `Extra arguments for \`ifconfig ${m[1]} create\` when the cloned interface is made.`,
  },
  {
    re: /^(ipv6_)?route_(\w+)$/,
    pattern: '[ipv6_]route_<name>',
    man: ['rc.conf'],
    text: (m) => `route(8) arguments of the static route \`${m[2]}\`; it is used only when listed in ${m[1] ?? ''}static_routes.`,
  },
];

/** The per-service knobs rc.subr understands for every rc.d script, including those of ports. */
const SERVICE_SUFFIXES: Record<string, string> = {
  enable: 'YES starts the service at boot',
  flags: 'extra command-line arguments for the service',
  program: 'path of the program the rc.d script runs',
  user: 'user the service runs as',
  group: 'group the service runs as',
  chroot: 'directory the service is chrooted into',
  chdir: 'directory the service starts in',
  nice: 'nice level of the service',
  env: 'environment variables set for the service',
  env_file: 'file of environment variables read before starting the service',
  fib: 'routing table (FIB) the service uses',
  limits: 'resource limits applied to the service',
  login_class: 'login class whose limits apply to the service',
  oomprotect: 'YES protects the service from the out-of-memory killer',
  umask: 'umask the service starts with',
  prepend: 'command put in front of the service command (e.g. a wrapper)',
};

/**
 * Documentation of an rc.conf name: catalogue entry, then name patterns, then
 * the rc.subr per-service knobs. Unknown services are a port's or package's
 * own rc.d script, not a typo, so they get an explanation rather than nothing.
 */
export function rcKnobDoc(name: string): KnobDoc | undefined {
  const entry = RC.get(name);
  if (entry) return fromCatalogue(entry, ['rc.conf']);
  for (const p of RC_PATTERNS) {
    const m = p.re.exec(name);
    if (m) return { name, description: p.text(m), generic: false, pattern: p.pattern, man: p.man };
  }
  const svc = /^([A-Za-z0-9]\w*?)_(env_file|login_class|[a-z]+)$/.exec(name);
  if (svc && SERVICE_SUFFIXES[svc[2]] !== undefined) {
    const base = RC.has(`${svc[1]}_enable`);
    const meaning = `${capitalise(SERVICE_SUFFIXES[svc[2]])} (\`${svc[1]}\`)`;
    return {
      name,
      description: base
        ? `${meaning}; rc.subr reads it for every rc.d script.`
        : `Service knob of a port or package: ${SERVICE_SUFFIXES[svc[2]]} (\`${svc[1]}\`). rc.subr reads it for the ` +
          `rc.d script \`${svc[1]}\`, usually in /usr/local/etc/rc.d, which the base system does not ship.`,
      generic: true,
      pattern: `<service>_${svc[2]}`,
      portService: !base,
      man: ['rc.conf'],
    };
  }
  return undefined;
}

const MODULE_FIELDS: Record<string, string> = {
  load: 'YES loads the module at boot; the loader ignores any value other than yes (in any case)',
  name: 'file name of the module, when it differs from the knob name',
  type: 'type the module is loaded as',
  flags: 'flags passed to the module when it is loaded',
  before: 'loader command run before the module is loaded',
  after: 'loader command run after the module is loaded',
  error: 'loader command run when loading the module fails',
};

/**
 * Documentation of a loader.conf name that is not a sysctl: catalogue entry,
 * then the `<module>_load|_name|...` template of loader.conf(5).
 */
export function loaderKnobDoc(name: string): KnobDoc | undefined {
  const entry = LOADER.get(name);
  if (entry) return fromCatalogue(entry, ['loader.conf']);
  const m = /^([\w-]+)_(load|name|type|flags|before|after|error)$/.exec(name);
  if (m) {
    return {
      name,
      description: `Module \`${m[1]}\`: ${MODULE_FIELDS[m[2]]}.`,
      generic: true,
      pattern: `<module>_${m[2]}`,
      man: ['loader.conf'],
    };
  }
  return undefined;
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}
