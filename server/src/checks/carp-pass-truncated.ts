import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { itemsInFile } from '../model/carp-node';
import { nodeConfig } from '../model/node-config';

/** CARP_KEY_LEN is 20 and ifconfig copies the pass with strlcpy, so 19 bytes survive. */
const KEPT = 19;

/**
 * A pass longer than 19 bytes is cut to 19 without any warning
 * (sbin/ifconfig/carp.c setcarp_callback(): strlcpy into CARP_KEY_LEN bytes).
 * Harmless while every node writes the same string, but a node configured
 * with the full string elsewhere (by hand, another tool) or a pass changed
 * only after the 19th byte gives a mismatch nobody can see. The masked
 * message is the same sentence for every such pass: it never says how long
 * the pass is, nor whether it holds non-ASCII characters (which take more
 * than one byte each); the revealed one, for users who asked to see
 * passwords, gives the length in characters and bytes (as the hover does).
 */
export const carpPassTruncated: Check = {
  code: 'carp/pass-truncated',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    const encoder = new TextEncoder();
    for (const item of itemsInFile(nodeConfig(workspace.nodeOf(doc.uri)).interfaces, doc.uri)) {
      const pass = item.entry.carp.pass?.value;
      if (!pass) continue;
      const bytes = encoder.encode(pass.text).length;
      if (bytes <= KEPT) continue;
      const chars = [...pass.text].length;
      const message = (size: string): string =>
        `This CARP pass is ${size}, but only the first ${KEPT} bytes count: ifconfig copies it into a 20-byte key and drops the rest without a warning. Nodes sharing the vhid must agree on those ${KEPT} bytes; shorten the pass to at most ${KEPT} bytes (${KEPT} ASCII characters) so what is written is what is used.`;
      const size = chars === bytes ? `${chars} characters long` : `${chars} characters (${bytes} bytes in UTF-8) long`;
      const text = { masked: message(`longer than ${KEPT} bytes`), revealed: message(size) };
      findings.push(findingAt(doc, 'carp/pass-truncated', pass.start, pass.end, text));
    }
    return findings;
  },
};
