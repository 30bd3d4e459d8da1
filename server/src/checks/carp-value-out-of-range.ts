import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { itemsInFile } from '../model/carp-node';
import { nodeConfig } from '../model/node-config';
import type { NumericParam } from '../model/ifconfig-value';

type NumericKey = 'vhid' | 'advbase' | 'advskew';

/** What ifconfig and the kernel accept (sbin/ifconfig/carp.c setcarp_vhid(); sys/netinet/ip_carp.c carp_ioctl_set()). */
const RANGE: Record<NumericKey, [number, number]> = { vhid: [1, 255], advbase: [1, 255], advskew: [0, 254] };

/** C's atoi(3): leading blanks, an optional sign, then digits up to the first non-digit; 0 when there are none. */
function atoi(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * vhid, advbase and advskew outside what the kernel accepts, or not a number.
 * ifconfig reads them with atoi(3), so `vhid one` becomes 0 and ifconfig
 * exits, `advskew 1O0` silently becomes 1: none of these is ever meant.
 * Reported on the value word (the keyword when the value is missing).
 */
export const carpValueOutOfRange: Check = {
  code: 'carp/value-out-of-range',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const findings: Finding[] = [];
    for (const item of itemsInFile(nodeConfig(workspace.nodeOf(doc.uri)).interfaces, doc.uri)) {
      for (const key of ['vhid', 'advbase', 'advskew'] as const) {
        const param = item.entry.carp[key];
        if (!param) continue;
        const message = problem(key, param);
        if (message === undefined) continue;
        const at = param.value ?? param.keyword;
        findings.push(findingAt(doc, 'carp/value-out-of-range', at.start, at.end, message));
      }
    }
    return findings;
  },
};

function problem(key: NumericKey, param: NumericParam): string | undefined {
  const [lo, hi] = RANGE[key];
  if (!param.value) return `${key} has no value: ifconfig stops with "missing argument", so this line configures nothing. Write ${key} followed by a number from ${lo} to ${hi}.`;
  const n = param.number;
  if (n !== undefined && n >= lo && n <= hi) return undefined;
  const text = param.value.text;
  if (n === undefined) {
    const read = atoi(text);
    const consequence =
      key === 'vhid'
        ? read >= lo && read <= hi
          ? `uses vhid ${read}, which is probably not what was meant`
          : 'exits with "vhid must be greater than 0 and less than 255", so this address is never configured'
        : read >= lo && read <= hi
          ? `silently uses ${key} ${read}`
          : key === 'advbase' && read === 0
            ? 'passes 0, which the kernel takes as "leave unchanged", so the vhid keeps an advbase of 1 second'
            : `passes ${read}, which the kernel rejects, so this vhid is not set up`;
    return `${key} "${text}" is not a number: ifconfig reads it with atoi() as ${read} and ${consequence}. Write a number from ${lo} to ${hi}.`;
  }
  if (key === 'vhid') {
    return `vhid ${n} is outside 1–255: ifconfig exits with "vhid must be greater than 0 and less than 255", so this address is never configured. Pick a vhid from 1 to 255 that is unique on this network segment.`;
  }
  if (key === 'advbase' && n === 0) {
    return 'advbase 0 is outside 1–255: the kernel takes 0 as "leave unchanged", so the vhid keeps an advertisement interval of 1 second. Write the interval you want, from 1 to 255 seconds.';
  }
  const hint = key === 'advskew' ? ' Use 0–240 (values above 240 act like 240); the node with the lowest advskew becomes master.' : ' Write the advertisement interval in seconds, from 1 to 255.';
  return `${key} ${n} is outside ${lo}–${hi}: the kernel rejects it (EINVAL), so ifconfig fails and this vhid is not set up.${hint}`;
}
