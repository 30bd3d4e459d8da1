import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { itemsInFile, nodeInterfaces } from '../model/carp-node';

/** CARP_KEY_LEN is 20 and ifconfig copies the pass with strlcpy, so 19 bytes survive. */
const KEPT = 19;

/**
 * A pass longer than 19 bytes is cut to 19 without any warning
 * (sbin/ifconfig/carp.c setcarp_callback(): strlcpy into CARP_KEY_LEN bytes).
 * Harmless while every node writes the same string, but a node configured
 * with the full string elsewhere (by hand, another tool) or a pass changed
 * only after the 19th character gives a mismatch nobody can see. The message
 * never shows the pass, and its exact length only when the user asked to see
 * passwords (as in the hover): a length narrows a guess.
 */
export const carpPassTruncated: Check = {
  code: 'carp/pass-truncated',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    const encoder = new TextEncoder();
    for (const item of itemsInFile(nodeInterfaces(workspace.nodeOf(doc.uri)), doc.uri)) {
      const pass = item.entry.carp.pass?.value;
      if (!pass) continue;
      const bytes = encoder.encode(pass.text).length;
      if (bytes <= KEPT) continue;
      const unit = bytes === pass.text.length ? 'characters' : 'bytes';
      const message = (size: string): string =>
        `This CARP pass is ${size}, but only the first ${KEPT} count: ifconfig copies it into a 20-byte key and drops the rest without a warning. Nodes sharing the vhid must agree on the first ${KEPT} characters; shorten the pass to at most ${KEPT} so what is written is what is used.`;
      const text = { masked: message(`longer than ${KEPT} ${unit}`), revealed: message(`${bytes} ${unit} long`) };
      findings.push(findingAt(doc, 'carp/pass-truncated', pass.start, pass.end, text));
    }
    return findings;
  },
};
