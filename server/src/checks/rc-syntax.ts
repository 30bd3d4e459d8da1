import { maskQuotedMessage } from '../model/mask';
import { secretsOf } from '../model/carp-pass';
import { findingAt } from './finding';
import type { Check } from './types';

/**
 * `rc/syntax`: a /bin/sh syntax error. rc sources rc.conf with `.`, so one
 * syntax error makes sh abandon the file and every setting after it (often
 * all of them) is lost at boot. Reported where the problem starts, such as
 * the opening quote of an unterminated string. Some messages quote the
 * source (`ifconfig_em0_alias0 = "… pass …"`); the parser marks those runs,
 * and the CARP passes the node's files hold (model/carp-pass) are masked
 * in them by position unless the user asked to see them.
 */
export const rcSyntax: Check = {
  code: 'rc/syntax',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    return doc.rc.errors.map((e) => {
      if (!e.quotes) return findingAt(doc, 'rc/syntax', e.start, e.end, e.message);
      const spans = secretsOf(doc, workspace).spans(doc.uri);
      return findingAt(doc, 'rc/syntax', e.start, e.end, { masked: maskQuotedMessage(e.message, e.quotes, spans), revealed: e.message });
    });
  },
};
