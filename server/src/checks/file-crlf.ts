import type { Check } from './types';
import { findingAt } from './finding';
import { crlfFix } from '../fixes/file-crlf';

/**
 * rc.conf is sourced by /bin/sh, which ends lines at "\n" only: with CRLF line
 * ends every value keeps a trailing carriage return (`sshd_enable="YES"\r`
 * is not YES). Reported once per file, on the first such line. loader.conf
 * and sysctl.conf are not flagged: their readers treat "\r" as whitespace or
 * we cannot show they do not.
 */
export const fileCrlf: Check = {
  code: 'file/crlf',
  kinds: ['rc'],
  run({ doc }) {
    const first = doc.text.indexOf('\r');
    if (first < 0) return [];
    const line = doc.lines.positionAt(first).line;
    const count = (doc.text.match(/\r/g) ?? []).length;
    return [
      findingAt(
        doc,
        'file/crlf',
        doc.lines.lineStarts[line],
        first,
        `This file has ${count} line${count === 1 ? '' : 's'} ending in CR (Windows line ends). /bin/sh keeps the carriage return in each value, so sshd_enable="YES" followed by CR is not YES. Convert the file to LF line ends.`,
        { fixes: [crlfFix(doc)] },
      ),
    ];
  },
};
