import type { Check, Finding } from './types';
import type { RcDocument } from '../model/document';
import type { CarpVhid, VhidSetting } from '../model/carp-node';
import type { IfParam, NumericParam } from '../model/ifconfig-value';
import type { IfItem } from '../model/rc-interfaces';
import { canonicalAddress } from '../model/if-address';
import { isLegacyCarpName } from '../model/rc-interfaces';
import { nodeConfig } from '../model/node-config';
import { MASKED_PASSWORD, type SecretText } from '../model/mask';
import { findingAt } from './finding';
import { passKeyOf } from './vhid-group-common';
import { agreeWithInForceFix } from '../fixes/carp-vhid-redefined';

type Key = 'advskew' | 'advbase' | 'pass';

/**
 * `carp/vhid-redefined`: two lines of one vhid on one node state different
 * advbase, advskew or pass. Every `ifconfig <if> … vhid N …` reads the
 * vhid's settings and overwrites the ones it states (sbin/ifconfig/carp.c
 * setcarp_callback()), for the whole vhid: the line network.subr applies
 * last wins for every address, silently. Reported on each overridden value,
 * naming the one in force (a pass masked).
 *
 * A file check, not a cluster check: it reads one node, it must work for a
 * node with no peer in the workspace (and for a vhid without a readable
 * address, which no cluster holds), and the overridden line is in the
 * document checked; the line in force may be in another file of the node
 * (rc.conf.local), which the related information points at.
 */
export const carpVhidRedefined: Check = {
  code: 'carp/vhid-redefined',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    for (const v of config.vhids) {
      if (v.uncertain || isLegacyCarpName(v.ifKey) || v.items.some((i) => i.source.assignment.conditional)) continue;
      const ifName = config.interfaces.interfaces.get(v.ifKey)?.name ?? v.ifKey;
      for (const key of ['advskew', 'advbase', 'pass'] as const) {
        const inForce = v[key];
        if (!inForce?.param.value || !readable(key, inForce.param)) continue;
        for (const item of v.items) {
          const p = item.entry.carp[key];
          if (item.source.uri !== doc.uri || item === inForce.item || !p?.value || !readable(key, p) || same(key, p, inForce.param)) continue;
          const other = workspace.get(inForce.item.source.uri);
          const where = other ? `${inForce.item.source.assignment.name} (${other === doc ? '' : `${fileName(other.uri)} `}line ${other.lines.positionAt(inForce.item.source.assignment.start).line + 1})` : inForce.item.source.assignment.name;
          const message = overriddenMessage(v, ifName, key, p, inForce, item, where);
          const related = other ? [{ uri: other.uri, range: other.lines.range(inForce.param.value.start, inForce.param.value.end), message: `the ${key} in force for vhid ${v.vhid} on ${ifName}` }] : [];
          const shown = key === 'pass' ? `the pass in force (from ${inForce.item.source.assignment.name})` : `${key} ${inForce.param.value.text}, the value in force,`;
          const fix = agreeWithInForceFix(doc as RcDocument, p.value, inForce.param.value.text, shown);
          findings.push(findingAt(doc, 'carp/vhid-redefined', p.value.start, p.value.end, message, { related, ...(fix ? { fixes: [fix] } : {}) }));
        }
      }
    }
    return findings;
  },
};

/** A value the kernel takes as written: a plain number for advskew/advbase (not 0 for advbase, which changes nothing), a non-empty pass. */
function readable(key: Key, p: IfParam): boolean {
  if (key === 'pass') return (p.value?.text ?? '') !== '';
  const n = (p as NumericParam).number;
  return n !== undefined && !(key === 'advbase' && n === 0);
}

/** Equal to the kernel: the same number, or passes with the same first 19 bytes. */
function same(key: Key, a: IfParam, b: IfParam): boolean {
  if (key === 'pass') return passKeyOf(a.value?.text) === passKeyOf(b.value?.text);
  return (a as NumericParam).number === (b as NumericParam).number;
}

function overriddenMessage(v: CarpVhid, ifName: string, key: Key, p: IfParam, inForce: VhidSetting<IfParam>, item: IfItem, where: string): string | SecretText {
  const here = item.entry.address?.ip ? canonicalAddress(item.entry.address.ip) : undefined;
  const text = (mine: string, theirs: string): string =>
    `${key} ${mine} here is overridden: ${where}, applied later, sets ${key} ${theirs} for vhid ${v.vhid} on ${ifName}, and a vhid has one ${key} for all its addresses` +
    `${here ? `, so ${here} on this line gets ${key} ${theirs} too` : ''}. Make the lines agree.`;
  if (key !== 'pass') return text(p.value?.text ?? '', inForce.param.value?.text ?? '');
  return { masked: text(MASKED_PASSWORD, MASKED_PASSWORD), revealed: text(p.value?.text ?? '', inForce.param.value?.text ?? '') };
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
