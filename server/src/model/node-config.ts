import type { LoaderDocument, ParsedDocument, RcDocument, SysctlDocument } from './document';
import type { NodeFiles } from './workspace-view';
import type { RcAssignment } from '../parsers/rcconf';
import type { LoaderSetting } from '../parsers/loaderconf';
import type { Setting } from '../parsers/syntax';
import { moduleLoads } from '../parsers/loaderconf';
import { checkYesNo, rcDefault } from './rc-knobs';
import { listInterfaces, type NodeInterfaces } from './rc-interfaces';
import { carpVhids, type CarpVhid } from './carp-node';
import { parseSysctlInt } from './carp-sysctls';

/**
 * The effective configuration of one node: what FreeBSD ends up with after
 * reading the node's files in its own order (libexec/rc/rc.subr
 * load_rc_config(): defaults/rc.conf, rc.conf, rc.conf.local, rc.conf.d;
 * stand/lua/config.lua: loader.conf, loader.conf.local, loader.conf.d;
 * rc.d/sysctl: sysctl.conf, sysctl.conf.local). The last assignment of a
 * name wins. Every check and feature that asks "what is X on this node"
 * reads it here, so they all agree on the order and on the defaults.
 *
 * Built once per NodeFiles (the workspace makes a new one only when one of
 * the node's files changes) and lazily: a keystroke in rc.conf costs the
 * parts a check asks for.
 */
export interface InForce<D extends ParsedDocument, S extends Setting> {
  doc: D;
  setting: S;
  /** True when the assignment comes from a copy of a defaults file (defaults/rc.conf, defaults/loader.conf). */
  fromDefaults: boolean;
  /** True when a conditional assignment (inside if/case, after && or ||) read later may replace it at boot. */
  uncertain: boolean;
}

export type RcInForce = InForce<RcDocument, RcAssignment>;
export type LoaderInForce = InForce<LoaderDocument, LoaderSetting>;
export type SysctlInForce = InForce<SysctlDocument, Setting>;

/** How the node gets the carp module, or undefined when nothing loads it. */
export type CarpLoad =
  | { by: 'loader'; at: LoaderInForce }
  | { by: 'kld_list'; at: RcInForce };

export class NodeConfig {
  private rcMap?: Map<string, RcInForce>;
  private loaderMap?: Map<string, LoaderInForce>;
  private loaderList?: { doc: LoaderDocument; setting: LoaderSetting }[];
  private sysctlMap?: Map<string, SysctlInForce>;
  private ifaces?: NodeInterfaces;
  private carp?: CarpVhid[];
  private nodeName?: string;

  constructor(readonly files: NodeFiles) {}

  /** The node's name: the one freebsd-conf.json gives it, else its `hostname` up to the first dot, else its folder's name. */
  get name(): string {
    this.nodeName ??= this.nameOf();
    return this.nodeName;
  }

  private nameOf(): string {
    if (this.files.name !== undefined) return this.files.name;
    const host = this.rcValue('hostname');
    const short = host?.split('.')[0];
    if (short && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(short)) return short;
    const folder = this.files.root.slice(this.files.root.lastIndexOf('/') + 1);
    try {
      return decodeURIComponent(folder);
    } catch {
      return folder;
    }
  }

  /** Every rc variable the node's rc files set, with the assignment in force (unset names are absent). */
  get rc(): ReadonlyMap<string, RcInForce> {
    this.rcMap ??= inForce(this.files.byKind.rc, (d) => (d.kind === 'rc' ? d.rc.assignments : []), (a) => a.conditional, isRcDefaultsUri);
    return this.rcMap;
  }

  /** An rc variable's value: the assignment in force, else FreeBSD's default from /etc/defaults/rc.conf. */
  rcValue(name: string): string | undefined {
    return this.rc.get(name)?.setting.value ?? rcDefault(name);
  }

  /** True when rc's checkyesno reads the variable as YES (`pf_enable`, `pfsync_enable`). */
  rcYes(name: string): boolean {
    const v = this.rcValue(name);
    return v !== undefined && checkYesNo(v) === 'yes';
  }

  /** Every loader setting, with the one in force per name. */
  get loader(): ReadonlyMap<string, LoaderInForce> {
    this.loaderMap ??= inForce(this.files.byKind.loader, (d) => (d.kind === 'loader' ? d.loader.settings : []), () => false, isLoaderDefaultsUri);
    return this.loaderMap;
  }

  /** Every loader setting the node's own files make (defaults copies left out), in load order. */
  get loaderSettings(): readonly { doc: LoaderDocument; setting: LoaderSetting }[] {
    this.loaderList ??= this.files.byKind.loader.flatMap((d) => (d.kind === 'loader' && !isLoaderDefaultsUri(d.uri) ? d.loader.settings.map((setting) => ({ doc: d, setting })) : []));
    return this.loaderList;
  }

  /** Every sysctl.conf setting, with the one in force per OID. */
  get sysctl(): ReadonlyMap<string, SysctlInForce> {
    this.sysctlMap ??= inForce(this.files.byKind.sysctl, (d) => (d.kind === 'sysctl' ? d.sysctl.settings : []), () => false, () => false);
    return this.sysctlMap;
  }

  /** An integer sysctl as the node sets it at boot, else `fallback` (the kernel default). */
  sysctlInt(oid: string, fallback: number): number {
    const s = this.sysctl.get(oid);
    return (s && parseSysctlInt(s.setting.value)) ?? fallback;
  }

  /**
   * The CARP demotion counter after boot, from sysctl.conf: a write of
   * net.inet.carp.demotion adds to the counter (ip_carp.c
   * carp_demote_adj_sysctl()), and rc.d/sysctl applies sysctl.conf and
   * sysctl.conf.local twice (early, then again in sysctl_lastload), while
   * sysctl.kld.d files are applied once, after the module loads.
   */
  get demotion(): number {
    let total = 0;
    for (const d of this.files.byKind.sysctl) {
      if (d.kind !== 'sysctl') continue;
      const times = /\/sysctl\.kld\.d\//.test(d.uri) ? 1 : 2;
      for (const s of d.sysctl.settings) if (s.name === 'net.inet.carp.demotion') total += (parseSysctlInt(s.value) ?? 0) * times;
    }
    return total;
  }

  /** The interfaces the node's rc files configure, in network.subr's order. */
  get interfaces(): NodeInterfaces {
    this.ifaces ??= listInterfaces(this.files.byKind.rc.flatMap((d) => (d.kind === 'rc' ? [{ uri: d.uri, assignments: d.rc.assignments }] : [])));
    return this.ifaces;
  }

  /** The node's CARP vhids, one per (parent interface, vhid), each setting the last one stated. */
  get vhids(): readonly CarpVhid[] {
    this.carp ??= carpVhids(this.interfaces);
    return this.carp;
  }

  /**
   * What loads carp.ko: `carp_load="YES"` in loader.conf (stand/lua/config.lua
   * loads a module whose _load is "yes"), or `carp` in rc.conf's `kld_list`
   * (libexec/rc/rc.d/kld). Undefined when neither does.
   */
  get carpLoad(): CarpLoad | undefined {
    const loader = this.loader.get('carp_load');
    if (loader && moduleLoads(loader.setting.value)) return { by: 'loader', at: loader };
    const kld = this.rc.get('kld_list');
    if (kld && kld.setting.value.split(/\s+/).some((m) => /^(?:.*\/)?carp(?:\.ko)?$/.test(m))) return { by: 'kld_list', at: kld };
    return undefined;
  }
}

const cache = new WeakMap<NodeFiles, NodeConfig>();

/** The configuration of a node, shared by every check and feature until one of its files changes. */
export function nodeConfig(node: NodeFiles): NodeConfig {
  let config = cache.get(node);
  if (!config) {
    config = new NodeConfig(node);
    cache.set(node, config);
  }
  return config;
}

/** /etc/defaults/rc.conf and vendor.conf are FreeBSD's own files, read before the node's. */
export function isRcDefaultsUri(uri: string): boolean {
  return /\/defaults\/(rc|vendor)\.conf$/.test(uri);
}

/** A copy of /boot/defaults/loader.conf. */
export function isLoaderDefaultsUri(uri: string): boolean {
  return /\/defaults\/loader\.conf$/.test(uri);
}

/**
 * The setting in force per name across documents given in load order: the
 * last unconditional one. A conditional one read after it marks it
 * uncertain (and stands in when nothing unconditional came before).
 */
function inForce<D extends ParsedDocument, S extends Setting>(
  docs: readonly ParsedDocument[],
  settingsOf: (d: ParsedDocument) => readonly S[],
  conditional: (s: S) => boolean,
  isDefaults: (uri: string) => boolean,
): Map<string, InForce<D, S>> {
  const out = new Map<string, InForce<D, S>>();
  for (const doc of docs) {
    const fromDefaults = isDefaults(doc.uri);
    for (const setting of settingsOf(doc)) {
      const before = out.get(setting.name);
      if (conditional(setting) && before) before.uncertain = true;
      else out.set(setting.name, { doc: doc as D, setting, fromDefaults, uncertain: conditional(setting) });
    }
  }
  return out;
}
