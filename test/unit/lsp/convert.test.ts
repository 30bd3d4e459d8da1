import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_DIAGNOSTICS_PER_FILE, toDiagnostics } from '../../../server/src/lsp/convert';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import type { Finding } from '../../../server/src/checks/types';

const finding = (line: number): Finding => ({
  code: 'sysctl/syntax',
  uri: 'file:///ws/fw1/etc/sysctl.conf',
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  message: 'Malformed line',
});

describe('diagnostics per file in the editor', () => {
  test('up to the cap, all of them', () => {
    const d = toDiagnostics(Array.from({ length: MAX_DIAGNOSTICS_PER_FILE }, (_, i) => finding(i)), DEFAULT_SETTINGS, 'x');
    assert.equal(d.length, MAX_DIAGNOSTICS_PER_FILE);
    assert.ok(d.every((x) => x.code === 'sysctl/syntax'));
  });

  test('one more, and the last place says how many are not shown; 130,000 do not overflow anything', () => {
    for (const n of [MAX_DIAGNOSTICS_PER_FILE + 1, 130_000]) {
      // Reversed: the cap keeps the first ones in document order, not the first found.
      const d = toDiagnostics(Array.from({ length: n }, (_, i) => finding(n - 1 - i)), DEFAULT_SETTINGS, 'x');
      assert.equal(d.length, MAX_DIAGNOSTICS_PER_FILE);
      assert.equal(d[MAX_DIAGNOSTICS_PER_FILE - 2].range.start.line, MAX_DIAGNOSTICS_PER_FILE - 2);
      const last = d[MAX_DIAGNOSTICS_PER_FILE - 1];
      assert.equal(last.code, undefined);
      assert.deepEqual(last.range.start, { line: MAX_DIAGNOSTICS_PER_FILE - 1, character: 0 });
      assert.match(last.message, new RegExp(`^${n - MAX_DIAGNOSTICS_PER_FILE + 1} more problems in this file are not shown`));
    }
  });
});
