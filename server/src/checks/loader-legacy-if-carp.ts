import { legacyIfCarpFix } from '../fixes/loader-legacy-if-carp';
import { loadIntent } from '../fixes/loader-load-value';
import { placeOf } from '../fixes/loader-sysctl-edits';
import { findingAt } from './finding';
import { isLoaderDefaults, nodeLoaderSettings } from './loader-node-settings';
import type { Check, Finding } from './types';

/**
 * `loader/legacy-if-carp`: `if_carp_load` asks for if_carp.ko, which only
 * FreeBSD 9 and earlier had (the module is carp.ko since 10:
 * sys/modules/carp/Makefile). On 10 and later the loader's
 * "load if_carp" fails, boot goes on, and CARP is simply not there. A line
 * that says NO is left to loader/redundant-default: it is stale, not broken.
 */
export const loaderLegacyIfCarp: Check = {
  code: 'loader/legacy-if-carp',
  kinds: ['loader'],
  run({ doc, workspace }) {
    if (doc.kind !== 'loader' || isLoaderDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const s of doc.loader.settings) {
      if (s.kind !== 'module' || s.module !== 'if_carp' || s.moduleField !== 'load' || loadIntent(s.value) === 'no') continue;
      const carp = nodeLoaderSettings(workspace, doc).find((p) => p.setting.name === 'carp_load');
      const existing = carp ? placeOf(carp.doc, carp.setting.start, workspace.nodeOf(doc.uri).root) : undefined;
      const message =
        'if_carp_load loads if_carp.ko, which does not exist since FreeBSD 10: the loader\'s "load if_carp" fails and CARP is never loaded, ' +
        'so every vhid alias in rc.conf fails with "Protocol not supported". The module is carp.ko: use carp_load="YES".';
      findings.push(findingAt(doc, 'loader/legacy-if-carp', s.nameStart, s.nameEnd, message, { fixes: [legacyIfCarpFix(doc, s, existing)] }));
    }
    return findings;
  },
};
