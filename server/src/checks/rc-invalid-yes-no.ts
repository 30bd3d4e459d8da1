import { checkYesNo, extraYesNoValues, isYesNoKnob } from '../model/rc-knobs';
import { setYesNoFix, yesNoIntent } from '../fixes/rc-invalid-yes-no';
import { findingAt } from './finding';
import { maskValue, wrapSecret } from '../model/mask';
import { secretsOf } from '../model/carp-pass';
import { hasExpansion, isRcDefaults } from './rc-node-settings';
import type { Check, Finding } from './types';

/**
 * `rc/invalid-yes-no`: a YES/NO knob with a value rc.subr's checkyesno
 * rejects. checkyesno accepts yes/true/on/1 and no/false/off/0 in any case
 * and nothing else (not even a trailing blank); anything else makes rc print
 * "is not set properly" at boot and act as if it were NO.
 */
export const rcInvalidYesNo: Check = {
  code: 'rc/invalid-yes-no',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc' || isRcDefaults(doc.uri)) return [];
    const findings: Finding[] = [];
    for (const a of doc.rc.assignments) {
      if (!isYesNoKnob(a.name) || hasExpansion(a) || checkYesNo(a.value)) continue;
      const extra = extraYesNoValues(a.name);
      if (extra.some((v) => v.toLowerCase() === a.value.toLowerCase())) continue;
      const service = a.name.endsWith('_enable') ? a.name.slice(0, -'_enable'.length) : undefined;
      const effect = service ? `treats it as NO, so ${service} is not started or enabled` : 'treats it as NO';
      const also = extra.length > 0 ? `, ${extra.join(', ')}` : '';
      // The value is quoted: masked where the node uses this variable as (part of) a CARP pass.
      const value = { masked: maskValue(a.value, a.valueOffsets, secretsOf(doc, workspace).spans(doc.uri)), revealed: a.value };
      const message = wrapSecret(
        value,
        (v) =>
          `${a.name}="${v}" is not a value rc's checkyesno accepts: at boot rc warns "$${a.name} is not set properly" and ${effect}. ` +
          `Write YES or NO (TRUE/ON/1 and FALSE/OFF/0 work too, in any case${also}).`,
      );
      const intent = yesNoIntent(a.value);
      const yes = setYesNoFix(doc, a, 'YES', intent === 'YES');
      const no = setYesNoFix(doc, a, 'NO', intent === 'NO');
      findings.push(findingAt(doc, 'rc/invalid-yes-no', a.valueStart, a.valueEnd, message, { fixes: intent === 'NO' ? [no, yes] : [yes, no] }));
    }
    return findings;
  },
};
