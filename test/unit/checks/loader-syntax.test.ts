import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findings, findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('loader/syntax', () => {
  const t = loadFixture('loader-syntax');

  test('every line the Lua loader rejects is an error at the offending text', () => {
    const list = findingsOf(t, 'fw1/boot/loader.conf', 'loader/syntax', 6);
    assert.deepEqual(list.map(rangeOf), [
      [6, 16, 6, 24], // hw.igb.rxd=4096 txd=4096
      [7, 8, 7, 20], // console='comconsole'
      [8, 12, 8, 20], // loader_logo="beastie
      [9, 0, 9, 20], // kern.cam.boot_delay=
      [10, 0, 10, 26], // hw.usb.disable_enumeration
      [11, 21, 11, 30], // hint.uart.1.disabled=/dev/null
    ]);
    for (const f of list) assert.match(f.message, /^Malformed line: .*The loader prints "Malformed line" and ignores the line\.$/);
    assert.match(list[0].message, /unexpected 'txd=4096' after the value/);
    assert.match(list[1].message, /single quotes; use double quotes/);
    assert.match(list[2].message, /closing '"' is missing/);
    assert.match(list[3].message, /missing value after '='/);
    assert.match(list[4].message, /expected name="value"/);
    assert.match(list[5].message, /put it in double quotes/);
    assert.equal(list.some((f) => f.fixes && f.fixes.length > 0), false);
  });

  test('a quote in a trailing comment is explained, not just flagged', () => {
    const [f] = findingsOf(t, 'fw1/boot/loader.conf.local', 'loader/syntax', 1);
    assert.deepEqual(rangeOf(f), [2, 39, 2, 56]);
    assert.match(f.message, /runs to the last '"' on the line/);
  });

  test('valid lines around the errors give no finding of any loader code', () => {
    const codes = findings(t, 'fw1/boot/loader.conf').map((f) => `${f.code}@${f.range.start.line}`);
    assert.deepEqual(codes.filter((c) => !c.startsWith('loader/syntax')), []);
  });

  test('a realistic clean loader.conf has no syntax errors', () => {
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/boot/loader.conf', 'loader/syntax', 0);
    findingsOf(clean, 'fw2/boot/loader.conf.local', 'loader/syntax', 0);
  });

  test('no loader check throws on random text, and every range stays in the file', () => {
    const piece = fc.oneof(
      fc.constantFrom('net.inet.carp.', 'if_carp_load', 'carp_load', 'net.inet.carp.preempt=', 'net.inet.carp.demotion=', '_load='),
      fc.array(fc.constantFrom(...'ab_.-=" \'#$\\{}\t\r\n1YESNO/'.split('')), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const w = workspaceFromFiles({ 'fw1/boot/loader.conf': text });
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of findings(w, 'fw1/boot/loader.conf')) {
          assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length);
          assert.ok(f.range.end.character <= lines[f.range.end.line].length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
