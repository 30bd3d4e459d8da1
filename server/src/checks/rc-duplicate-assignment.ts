import { removeDeadAssignmentFix } from '../fixes/rc-duplicate-assignment';
import type { RcAssignment } from '../parsers/rcconf';
import { findingAt } from './finding';
import { isRcDefaults } from './rc-node-settings';
import type { Check, Finding } from './types';

/**
 * `rc/duplicate-assignment`: a variable set twice at the top level of one
 * file. sh keeps the last value, so the earlier line is dead, and an admin
 * editing it sees no effect. Conditional assignments (inside if/case or
 * after &&/||) are not counted, and neither is an earlier value that is read
 * before it is replaced (`kld_list="${kld_list} pf"`).
 */
export const rcDuplicateAssignment: Check = {
  code: 'rc/duplicate-assignment',
  kinds: ['rc'],
  run({ doc }) {
    if (doc.kind !== 'rc' || isRcDefaults(doc.uri)) return [];
    const byName = new Map<string, RcAssignment[]>();
    for (const a of doc.rc.assignments) {
      if (a.conditional) continue;
      const list = byName.get(a.name) ?? [];
      list.push(a);
      byName.set(a.name, list);
    }
    // Reference offsets per name, ascending (the scanner records them in order), for a binary search per pair.
    const refs = new Map<string, number[]>();
    for (const r of doc.rc.references) {
      if (!byName.has(r.name)) continue;
      const list = refs.get(r.name);
      if (list) list.push(r.start);
      else refs.set(r.name, [r.start]);
    }
    const findings: Finding[] = [];
    for (const list of byName.values()) {
      for (let i = 0; i + 1 < list.length; i++) {
        const dead = list[i];
        const next = list[i + 1];
        // Read between the two (or by the next value itself): the earlier value is used.
        if (readBetween(refs.get(dead.name), dead.end, next.end)) continue;
        const line = doc.lines.positionAt(next.start).line + 1;
        const message =
          `${dead.name} is set again on line ${line}, and sh keeps only the last value, so this one is never used. ` +
          'Remove it, or merge what it was meant to do into the later line.';
        const related = [{ uri: doc.uri, range: doc.lines.range(next.start, next.end), message: `${dead.name} is set again here` }];
        findings.push(findingAt(doc, 'rc/duplicate-assignment', dead.start, dead.end, message, { related, fixes: [removeDeadAssignmentFix(doc, dead)] }));
      }
    }
    return findings.sort((x, y) => x.range.start.line - y.range.start.line);
  },
};

/** True when one of the ascending offsets lies in [from, to). */
function readBetween(offsets: number[] | undefined, from: number, to: number): boolean {
  if (!offsets) return false;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < to;
}
