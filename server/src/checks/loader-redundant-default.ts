import { redundantDefaultFix } from '../fixes/loader-redundant-default';
import { carpSysctl, parseSysctlInt } from '../model/carp-sysctls';
import type { LoaderSetting } from '../parsers/loaderconf';
import { findingAt } from './finding';
import { isLoaderDefaults, loadDefault, loaderDefault, otherAssignments } from './loader-node-settings';
import type { Check, Finding } from './types';

/** Names whose default-looking value still does something when written again. */
const NOT_SETTINGS = new Set(['exec', 'loader_conf_files']);

/** Why this setting is already the default, or undefined when it changes something. */
function redundancy(s: LoaderSetting): string | undefined {
  if (s.kind === 'module' && s.moduleField === 'load') {
    const dflt = loadDefault(s.name);
    if (s.value.toUpperCase() !== dflt) return undefined;
    const legacy = s.module === 'if_carp' ? ' (and if_carp.ko no longer exists since FreeBSD 10; CARP is carp.ko)' : '';
    return dflt === 'NO'
      ? `${s.name}="${s.value}" changes nothing: the loader only loads modules set to YES, and nothing else sets ${s.name}${legacy}.`
      : `${s.name}="${s.value}" changes nothing: /boot/defaults/loader.conf already sets it to YES.`;
  }
  if (s.name === 'net.inet.carp.allow') {
    if (parseSysctlInt(s.value) !== carpSysctl(s.name)?.default) return undefined;
    return 'net.inet.carp.allow=1 is already the default (CARP enabled), so this line changes nothing. Set it to 0 here only to keep CARP off at boot.';
  }
  if (s.kind === 'exec' || NOT_SETTINGS.has(s.name)) return undefined;
  const dflt = loaderDefault(s.name);
  if (dflt === undefined || dflt !== s.value) return undefined;
  return `${s.name}="${s.value}" changes nothing: /boot/defaults/loader.conf already sets it to that value.`;
}

/**
 * `loader/redundant-default`: a setting equal to its default (guides set
 * `net.inet.carp.allow=1`, which sys/netinet/ip_carp.c already starts with). Harmless, but it makes loader.conf look as if
 * it changed something. Only reported when no other line of the node sets the
 * same name, since an override in loader.conf.local may restore the default
 * on purpose. A copy of defaults/loader.conf itself is skipped.
 */
export const loaderRedundantDefault: Check = {
  code: 'loader/redundant-default',
  kinds: ['loader'],
  run({ doc, workspace }) {
    if (doc.kind !== 'loader' || isLoaderDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const s of doc.loader.settings) {
      const why = redundancy(s);
      if (why === undefined || otherAssignments(workspace, doc, s).length > 0) continue;
      findings.push(findingAt(doc, 'loader/redundant-default', s.start, s.end, why, { fixes: [redundantDefaultFix(doc, s)] }));
    }
    return findings;
  },
};
