import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findings, findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('sysctl/syntax', () => {
  const t = loadFixture('sysctl-syntax');
  const FILE = 'fw1/etc/sysctl.conf';

  test('lines sysctl -f cannot apply are errors at the offending text', () => {
    const list = findingsOf(t, FILE, 'sysctl/syntax', 4);
    assert.deepEqual(list.map(rangeOf), [
      [12, 0, 12, 18], // kern.ipc.somaxconn
      [13, 0, 13, 23], // net.inet.tcp. blackhole=2
      [14, 0, 14, 1], // =1
      [15, 14, 15, 28], // kern.hostname="fw1 # primary
    ]);
    assert.match(list[0].message, /no '=' between the OID and its value/);
    assert.match(list[1].message, /contains a space/);
    assert.match(list[2].message, /OID before the delimiter is missing/);
    assert.match(list[3].message, /double quote is not closed/);
    for (const f of list) assert.match(f.message, /^Malformed line: /);
  });

  test('spaces around =, the ":" delimiter, quotes and the stock header comment are fine', () => {
    assert.deepEqual(
      findings(t, FILE).filter((f) => f.code !== 'sysctl/syntax').map((f) => f.code),
      [],
    );
    const clean = loadFixture('loader-clean');
    for (const rel of ['fw1/etc/sysctl.conf', 'fw2/etc/sysctl.conf', 'fw2/etc/sysctl.kld.d/carp.conf']) findingsOf(clean, rel, 'sysctl/syntax', 0);
  });

  test('no sysctl check throws on random text, and every range stays in the file', () => {
    const piece = fc.oneof(
      fc.constantFrom('net.inet.carp.', 'if_carp_load', 'carp_load', 'net.inet.carp.preempt=', 'net.inet.carp.demotion=', '_load='),
      fc.array(fc.constantFrom(...'ab.=:" \'#\\%\t\r\n1-'.split('')), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const w = workspaceFromFiles({ 'fw1/etc/sysctl.conf': text });
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of findings(w, 'fw1/etc/sysctl.conf')) {
          assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length);
          assert.ok(f.range.end.character <= lines[f.range.end.line].length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
