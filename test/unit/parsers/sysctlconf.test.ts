import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseSysctlConf } from '../../../server/src/parsers/sysctlconf';

/** [name, value] pairs and error texts of a file. */
function summary(text: string): { settings: [string, string][]; errors: string[] } {
  const r = parseSysctlConf(text);
  return { settings: r.settings.map((s) => [s.name, s.value]), errors: r.errors.map((e) => text.slice(e.start, e.end)) };
}

describe('parseSysctlConf: what sysctl -f applies', () => {
  test('oid=value with exact offsets', () => {
    const r = parseSysctlConf('net.inet.carp.preempt=1\n');
    const s = r.settings[0];
    assert.deepEqual([s.name, s.value, s.nameStart, s.nameEnd, s.valueStart, s.valueEnd, s.start, s.end], ['net.inet.carp.preempt', '1', 0, 21, 22, 23, 0, 23]);
    assert.deepEqual(s.valueOffsets, [22, 23]);
  });

  test('spaces around the delimiter, ":" as delimiter, leading blanks', () => {
    assert.deepEqual(summary('  net.inet.ip.forwarding = 1\nnet.inet.carp.log: 2\n').settings, [
      ['net.inet.ip.forwarding', '1'],
      ['net.inet.carp.log', '2'],
    ]);
  });

  test('one pair of quotes is removed; the quoted span is the value span', () => {
    const r = parseSysctlConf('kern.hostname="fw1 primary"\n');
    assert.equal(r.settings[0].value, 'fw1 primary');
    assert.deepEqual([r.settings[0].valueStart, r.settings[0].valueEnd, r.settings[0].valueOffsets[0]], [14, 27, 15]);
    assert.equal(parseSysctlConf("kern.x='1'").settings[0].value, '1');
  });

  test('comments: whole-line, trailing, # inside quotes, escaped \\#', () => {
    const text = '# header\nnet.inet.carp.preempt=1 # on\nkern.foo="a # b" # c\nkern.bar=a\\#b\n';
    assert.deepEqual(summary(text).settings, [
      ['net.inet.carp.preempt', '1'],
      ['kern.foo', 'a # b'],
      ['kern.bar', 'a\\#b'],
    ]);
    const r = parseSysctlConf(text);
    assert.deepEqual(r.comments.map((c) => [c.text, c.ownLine]), [[' header', true], [' on', false], [' c', false]]);
  });

  test("the stock header's ``sysctl'' comment is a comment", () => {
    const r = parseSysctlConf("#  ``sysctl'' to adjust kernel values.  ``man 5 sysctl.conf'' for details.\n");
    assert.deepEqual([r.settings.length, r.errors.length, r.comments.length], [0, 0, 1]);
  });

  test('CRLF and a BOM', () => {
    const r = parseSysctlConf('\uFEFFkern.a=1\r\nkern.b=2\r\n');
    assert.deepEqual(r.settings.map((s) => [s.name, s.value, s.nameStart]), [['kern.a', '1', 1], ['kern.b', '2', 11]]);
  });
});

describe('parseSysctlConf: malformed lines', () => {
  test('no delimiter, empty OID, spaces and bad characters in the OID', () => {
    const text = 'kern.ipc.somaxconn\n=1\nnet.inet.tcp. blackhole=2\nkern.$x=1\n.kern.a=1\nkern..a=1\n';
    assert.deepEqual(summary(text).errors, ['kern.ipc.somaxconn', '=', 'net.inet.tcp. blackhole', 'kern.$x', '.kern.a', 'kern..a']);
    assert.equal(summary(text).settings.length, 0);
  });

  test('an unclosed quote', () => {
    const r = parseSysctlConf('kern.hostname="fw1 # primary\n');
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /double quote is not closed/);
  });

  test('no error for names sysctl may know: %, -, trailing dot', () => {
    assert.deepEqual(summary('dev.em.0.%desc=x\nkstat.zfs.zroot.dataset.objset-0x36.a=1\nnet.inet.\n').errors, ['net.inet.']);
    assert.match(parseSysctlConf('net.inet.\n').errors[0].message, /no '='/);
  });
});

describe('parseSysctlConf: robustness', () => {
  const alphabet = fc.constantFrom(...'ab.=:"\' #\\%\t\r\n\uFEFF1'.split(''));
  const lineish = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));

  test('never throws and keeps every offset inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), lineish), (text) => {
        const r = parseSysctlConf(text);
        const inside = (o: number): boolean => Number.isInteger(o) && o >= 0 && o <= text.length;
        for (const s of r.settings) {
          for (const o of [s.nameStart, s.nameEnd, s.valueStart, s.valueEnd, s.start, s.end, ...s.valueOffsets]) assert.ok(inside(o));
          assert.equal(s.valueOffsets.length, s.value.length + 1);
          assert.equal(text.slice(s.nameStart, s.nameEnd), s.name);
        }
        for (const x of [...r.comments, ...r.errors]) assert.ok(inside(x.start) && inside(x.end) && x.start <= x.end);
      }),
      { numRuns: 500 },
    );
  });
});
