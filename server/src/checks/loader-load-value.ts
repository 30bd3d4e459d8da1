import { loadIntent, loadValueFix } from '../fixes/loader-load-value';
import { findingAt } from './finding';
import { isLoaderDefaults, loadDefault, otherAssignments } from './loader-node-settings';
import type { Check, Finding } from './types';

/**
 * `loader/load-value`: a `<module>_load` value other than YES or NO. The
 * loader loads a module only when the value, lower-cased, is "yes", so
 * "1", "true" or "on" quietly leave the module out. Values holding a stray
 * quote are reported by loader/syntax instead, and an if_carp_load that
 * means yes by loader/legacy-if-carp.
 */
export const loaderLoadValue: Check = {
  code: 'loader/load-value',
  kinds: ['loader'],
  run({ doc, workspace }) {
    if (doc.kind !== 'loader' || isLoaderDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const s of doc.loader.settings) {
      if (s.kind !== 'module' || s.moduleField !== 'load' || /^(yes|no)$/i.test(s.value) || s.value.includes('"')) continue;
      const intent = loadIntent(s.value);
      if (s.module === 'if_carp' && intent !== 'no') continue;
      const alone = otherAssignments(workspace, doc, s).length === 0;
      const dflt = loadDefault(s.name);
      const yes = loadValueFix(doc, s, 'YES', alone && dflt === 'YES', intent !== 'no');
      const no = loadValueFix(doc, s, 'NO', alone && dflt === 'NO', intent === 'no');
      const meant = intent === 'yes' ? ' It reads as meant to load it: write YES.' : intent === 'no' ? ' It reads as meant to keep it off: write NO.' : ' Write YES or NO.';
      const message =
        `${s.name}="${s.value}" is neither YES nor NO. The loader loads ${s.module} only when the value is "yes" (in any case); ` +
        `any other value, "1", "true" and "on" included, leaves it unloaded.${meant}`;
      // The fix that matches the intent comes first, so it is the one editors offer first.
      const fixes = s.module === 'if_carp' ? [no] : intent === 'no' ? [no, yes] : [yes, no];
      findings.push(findingAt(doc, 'loader/load-value', s.valueStart, s.valueEnd, message, { fixes }));
    }
    return findings;
  },
};
