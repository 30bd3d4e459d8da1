import { isKnownRcName, suggestKnob } from '../model/rc-knobs';
import { unknownVariableFixes } from '../fixes/rc-unknown-variable';
import { findingAt } from './finding';
import { isRcDefaults } from './rc-node-settings';
import type { Check, Finding } from './types';

/**
 * `rc/unknown-variable`: a name one small typo away from a known knob
 * (`sshd_enabel`). rc ignores variables it does not read, so the typo
 * silently leaves the setting at its default. Names rc may legitimately
 * read are never reported: any service's `_enable`/`_flags`/..., interface
 * and route instances, upper-case names, and names the node's rc files use
 * as `$name` (the admin's own helper variables).
 */
export const rcUnknownVariable: Check = {
  code: 'rc/unknown-variable',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc' || isRcDefaults(doc.uri)) return [];
    let used: Set<string> | undefined;
    const findings: Finding[] = [];
    for (const a of doc.rc.assignments) {
      if (/[A-Z]/.test(a.name) || isKnownRcName(a.name)) continue;
      const suggestion = suggestKnob(a.name);
      if (!suggestion) continue;
      used ??= new Set(workspace.nodeOf(doc.uri).byKind.rc.flatMap((d) => (d.kind === 'rc' ? d.rc.references.map((r) => r.name) : [])));
      if (used.has(a.name)) continue;
      const setAt = doc.rc.assignments.find((x) => x.name === suggestion && !x.conditional);
      const keeps = setAt ? `the value set on line ${doc.lines.positionAt(setAt.start).line + 1}` : 'its default';
      const message =
        `${a.name} is not a variable rc reads; did you mean ${suggestion}? ` +
        `rc ignores unknown names without a warning, so this line has no effect and ${suggestion} keeps ${keeps}.`;
      findings.push(findingAt(doc, 'rc/unknown-variable', a.nameStart, a.nameEnd, message, { fixes: unknownVariableFixes(doc, a, suggestion) }));
    }
    return findings;
  },
};
