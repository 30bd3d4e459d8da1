import { MANIFEST_GLOB } from './manifest';

/** The four configuration file types the product understands. */
export type ConfKind = 'rc' | 'loader' | 'sysctl' | 'pf';

/** The VS Code language id of each kind (also used by the CLI's scan). */
export const LANGUAGE_IDS: Record<ConfKind, string> = {
  rc: 'rc-conf',
  loader: 'loader-conf',
  sysctl: 'sysctl-conf',
  pf: 'pf-conf',
};

export function kindOfLanguageId(languageId: string): ConfKind | undefined {
  return (Object.keys(LANGUAGE_IDS) as ConfKind[]).find((k) => LANGUAGE_IDS[k] === languageId);
}

/**
 * Which kind a path (or URI) is, from its name alone, following where FreeBSD
 * reads each file: rc.conf(.local), rc.conf.d/*, defaults/rc.conf and
 * defaults/vendor.conf; loader.conf(.local) and loader.conf.d/*.conf;
 * sysctl.conf(.local) and sysctl.kld.d/*.conf; pf.conf.
 */
export function kindOfPath(path: string): ConfKind | undefined {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  const dir = parts[parts.length - 2] ?? '';
  if (base === 'rc.conf' || base === 'rc.conf.local' || dir === 'rc.conf.d') return 'rc';
  if (dir === 'defaults' && base === 'vendor.conf') return 'rc';
  // /etc/rc.conf.d/<service>/<file>: a directory per service is read file by file.
  if ((parts[parts.length - 3] ?? '') === 'rc.conf.d') return 'rc';
  if (base === 'loader.conf' || base === 'loader.conf.local') return 'loader';
  if (dir === 'loader.conf.d' && base.endsWith('.conf')) return 'loader';
  if (base === 'sysctl.conf' || base === 'sysctl.conf.local') return 'sysctl';
  if (dir === 'sysctl.kld.d' && base.endsWith('.conf')) return 'sysctl';
  if (base === 'pf.conf') return 'pf';
  return undefined;
}

/**
 * Glob patterns matching every file kindOfPath accepts, and the workspace
 * manifest freebsd-conf.json: what the client watches on disk (the scan
 * matches names with kindOfPath and reads the manifest at each root).
 */
export const CONF_GLOBS = [
  '**/rc.conf',
  '**/rc.conf.local',
  '**/rc.conf.d/*',
  '**/rc.conf.d/*/*',
  '**/defaults/vendor.conf',
  '**/loader.conf',
  '**/loader.conf.local',
  '**/loader.conf.d/*.conf',
  '**/sysctl.conf',
  '**/sysctl.conf.local',
  '**/sysctl.kld.d/*.conf',
  '**/pf.conf',
  MANIFEST_GLOB,
];
