import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { lineNo } from './pf-common';
import type { PfDocument } from '../model/document';
import type { PfMacroDef } from '../parsers/pf';
import { removeMacroFix } from '../fixes/pf-unused-macro';
import { rulesetScope } from '../model/pf-ruleset';

/**
 * A macro that nothing uses: usually left over after a rule was removed, or
 * a typo in the name of the macro the rules meant to use. pfctl only
 * mentions it with -vv. A use inside the definition of another unused macro
 * does not count, so a chain of dead macros is reported whole. A use in
 * another file of the ruleset (an included file) counts; when an `include`
 * cannot be followed the file is skipped, since that file may use the macro.
 */
export const pfUnusedMacro: Check = {
  code: 'pf/unused-macro',
  kinds: ['pf'],
  run({ doc, workspace }) {
    if (doc.kind !== 'pf') return [];
    const scope = rulesetScope(workspace, doc);
    if (!scope.complete) return [];
    const usedElsewhere = new Set(scope.others.flatMap((f) => f.macroUses.map((u) => u.definition)));
    const findings: Finding[] = [];
    const firstUndefinedUse = new Map<string, number>();
    for (const u of doc.pf.macroUses) if (!u.definition && !firstUndefinedUse.has(u.name)) firstUndefinedUse.set(u.name, u.start);
    const defsByName = new Map<string, PfMacroDef[]>();
    for (const m of doc.pf.macros) {
      if (m.source) continue;
      const list = defsByName.get(m.name);
      if (list) list.push(m);
      else defsByName.set(m.name, [m]);
    }
    for (const def of unusedMacros(doc)) {
      if (usedElsewhere.has(def)) continue;
      // Used above its definition: pf/undefined-macro already says to move it up; removing it would be wrong.
      if ((firstUndefinedUse.get(def.name) ?? Infinity) < def.start) continue;
      const redefined = defsByName.get(def.name)?.find((m) => m.start > def.start);
      const message = redefined
        ? `macro '${def.name}' is redefined on line ${lineNo(doc, redefined.start)} before anything uses this value, so this definition has no effect.`
        : `macro '${def.name}' is defined but never used (pfctl -vv warns "macro '${def.name}' not used"); remove it, or check the rules for a misspelt $${def.name}.`;
      const fix = removeMacroFix(doc, def);
      findings.push(findingAt(doc, 'pf/unused-macro', def.nameStart, def.nameEnd, message, fix ? { fixes: [fix] } : {}));
    }
    return findings;
  },
};

/**
 * Definitions whose value no live use reads. A use outside every definition
 * is live; a use inside a definition is live when that definition is. Linear:
 * uses and definitions are both in source order, walked side by side.
 */
export function unusedMacros(doc: PfDocument): PfMacroDef[] {
  const defs = doc.pf.macros.filter((m) => !m.source);
  const readers = new Map<PfMacroDef, PfMacroDef[]>();
  const live = new Set<PfMacroDef>();
  const queue: PfMacroDef[] = [];
  let d = 0;
  for (const use of doc.pf.macroUses) {
    const def = use.definition;
    if (!def) continue;
    while (d < defs.length && defs[d].end < use.end) d++;
    const inside = d < defs.length && defs[d].start <= use.start ? defs[d] : undefined;
    const list = inside ? readers.get(inside) : undefined;
    if (inside && list) list.push(def);
    else if (inside) readers.set(inside, [def]);
    else if (!live.has(def)) {
      live.add(def);
      queue.push(def);
    }
  }
  while (queue.length > 0) {
    for (const used of readers.get(queue.pop()!) ?? []) {
      if (live.has(used)) continue;
      live.add(used);
      queue.push(used);
    }
  }
  return defs.filter((m) => !live.has(m));
}
