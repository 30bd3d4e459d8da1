import { maskPassWords } from '../model/mask';
import { findingAt } from './finding';
import type { Check } from './types';

/**
 * `rc/syntax`: a /bin/sh syntax error. rc sources rc.conf with `.`, so one
 * syntax error makes sh abandon the file and every setting after it (often
 * all of them) is lost at boot. Reported where the problem starts, such as
 * the opening quote of an unterminated string. Some messages quote the
 * source (`ifconfig_em0_alias0 = "… pass …"`), so CARP passwords in them are
 * masked unless the user asked to see them.
 */
export const rcSyntax: Check = {
  code: 'rc/syntax',
  kinds: ['rc'],
  run({ doc }) {
    if (doc.kind !== 'rc') return [];
    return doc.rc.errors.map((e) => findingAt(doc, 'rc/syntax', e.start, e.end, { masked: maskPassWords(e.message), revealed: e.message }));
  },
};
