import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { moduleLoads, parseLoaderConf, type LoaderSetting } from '../../../server/src/parsers/loaderconf';

/** The one setting of a one-line file, asserting the line parsed cleanly. */
function one(line: string): LoaderSetting {
  const r = parseLoaderConf(line);
  assert.deepEqual(r.errors, [], `errors for ${JSON.stringify(line)}`);
  assert.equal(r.settings.length, 1, `settings for ${JSON.stringify(line)}`);
  return r.settings[0];
}

/** The error messages of a one-line file. */
function errors(line: string): { message: string; at: string }[] {
  const r = parseLoaderConf(line);
  assert.equal(r.settings.length, 0, `no setting expected for ${JSON.stringify(line)}`);
  return r.errors.map((e) => ({ message: e.message, at: line.slice(e.start, e.end) }));
}

describe('parseLoaderConf: accepted lines (config.lua patterns)', () => {
  test('a quoted variable keeps exact offsets', () => {
    const s = one('vfs.zfs.arc_max="4G"');
    assert.equal(s.kind, 'variable');
    assert.equal(s.name, 'vfs.zfs.arc_max');
    assert.deepEqual([s.nameStart, s.nameEnd, s.valueStart, s.valueEnd, s.start, s.end], [0, 15, 16, 20, 0, 20]);
    assert.equal(s.value, '4G');
    assert.equal(s.quoted, true);
    assert.deepEqual(s.valueOffsets, [17, 18, 19]);
  });

  test('module lines split the module name from the field, greedily', () => {
    const s = one('if_carp_load="YES"');
    assert.deepEqual([s.kind, s.module, s.moduleField], ['module', 'if_carp', 'load']);
    const t = one('  geom_eli_flags = "-v"   # verbose');
    assert.deepEqual([t.kind, t.module, t.moduleField, t.value, t.nameStart], ['module', 'geom_eli', 'flags', '-v', 2]);
    assert.equal(one('foo_load_load=YES').module, 'foo_load');
  });

  test('unquoted words, negative numbers and spaces around = are accepted', () => {
    const w = one('carp_load=YES');
    assert.deepEqual([w.value, w.quoted, w.valueStart, w.valueEnd], ['YES', false, 10, 13]);
    assert.equal(one('hw.foo = -1').value, '-1');
    assert.equal(one('vfs.zfs.arc_max=4G').value, '4G');
    assert.equal(one('kern.hz\t=\t1000').value, '1000');
  });

  test('a dotted name ending in _load is a variable, not a module', () => {
    const s = one('hw.bar_load="YES"');
    assert.equal(s.kind, 'variable');
    assert.equal(s.module, undefined);
  });

  test('exec lines keep the command as written', () => {
    const s = one('exec="echo Loading \\"custom\\" settings"');
    assert.equal(s.kind, 'exec');
    assert.equal(s.value, 'echo Loading \\"custom\\" settings');
  });

  test('an empty quoted value is a value', () => {
    assert.equal(one('kernel_options=""').value, '');
  });

  test('comments: own-line and trailing, with their text', () => {
    const r = parseLoaderConf('# top\nzfs_load="YES"  # root on ZFS\n   #indented\n');
    assert.deepEqual(
      r.comments.map((c) => [c.start, c.end, c.text, c.ownLine]),
      [
        [0, 5, ' top', true],
        [22, 35, ' root on ZFS', false],
        [39, 48, 'indented', true],
      ],
    );
  });

  test('variables: backslash escapes are removed, $ expansions kept, offsets follow the source', () => {
    const s = one('a="x\\"y $foo ${bar}"');
    assert.equal(s.value, 'x"y $foo ${bar}');
    assert.equal(s.valueOffsets.length, s.value.length + 1);
    assert.equal(s.valueOffsets[1], 5); // the escaped quote, after its backslash
    assert.equal(s.valueOffsets[s.value.length], 19);
  });

  test('CRLF, a lone CR and a BOM', () => {
    const r = parseLoaderConf('\uFEFFzfs_load="YES"\r\ncarp_load="YES"\rpf_load="YES"');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.settings.map((s) => [s.name, s.nameStart]), [['zfs_load', 1], ['carp_load', 17], ['pf_load', 33]]);
  });

  test('moduleLoads follows the loader: only "yes" in any case', () => {
    assert.deepEqual(['YES', 'yes', 'Yes', '1', 'true', 'on', ''].map(moduleLoads), [true, true, true, false, false, false, false]);
  });
});

describe('parseLoaderConf: lines the loader rejects', () => {
  test('text after a value', () => {
    const [e] = errors('hw.igb.rxd=4096 txd=4096');
    assert.equal(e.at, 'txd=4096');
    assert.match(e.message, /^Malformed line: unexpected 'txd=4096' after the value/);
  });

  test('an unquoted value with a character outside the word class', () => {
    const [e] = errors('hint.uart.1.disabled=/dev/null');
    assert.equal(e.at, '/dev/null');
    assert.match(e.message, /put it in double quotes/);
    assert.equal(errors('vfs.root.mountfrom=zfs:zroot')[0].at, ':zroot');
  });

  test('single quotes, a missing closing quote, a missing value, a missing =', () => {
    assert.match(errors("console='comconsole'")[0].message, /single quotes/);
    assert.match(errors('loader_logo="beastie')[0].message, /closing '"' is missing/);
    assert.match(errors('kern.cam.boot_delay=')[0].message, /missing value after '='; write kern\.cam\.boot_delay=""/);
    assert.match(errors('hw.usb.disable_enumeration')[0].message, /expected name="value"/);
    assert.match(errors('=1')[0].message, /missing name/);
  });

  test('names the loader does not accept', () => {
    const [e] = errors('kern foo="1"');
    assert.equal(e.at, 'kern foo');
    assert.match(e.message, /not a valid name/);
    assert.match(errors('_private="1"')[0].message, /not a valid name/);
  });

  test('exec needs quotes', () => {
    assert.match(errors('exec=echo hi')[0].message, /Malformed line/);
  });

  test('a quote in a trailing comment is swallowed by the greedy value', () => {
    const [e] = errors('module_path="/boot/modules" # the "custom" path');
    assert.equal(e.at, '" # the "custom" path');
    assert.match(e.message, /runs to the last '"' on the line/);
  });

  test('a variable with a stray quote, a trailing backslash or a lone $ is refused', () => {
    assert.match(errors('kern.vty="vt" # "new" console"')[0].message, /stray '"'/);
    assert.match(errors('a="x\\"')[0].message, /backslash at the end/);
    assert.match(errors('a="cost $"')[0].message, /unescaped '\$' at the end/);
    assert.match(errors('a="$(x)"')[0].message, /not followed by a variable name/);
  });

  test('a module value with a stray quote is recorded as the loader reads it, and reported', () => {
    const r = parseLoaderConf('carp_load="YES" # "needed"');
    assert.equal(r.settings[0].value, 'YES" # "needed');
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /carp_load is set to 'YES" # "needed'/);
  });

  test('recovers after an error: later lines still parse', () => {
    const r = parseLoaderConf("console='x'\nzfs_load=\"YES\"\n");
    assert.equal(r.errors.length, 1);
    assert.deepEqual(r.settings.map((s) => s.name), ['zfs_load']);
  });
});

describe('parseLoaderConf: robustness', () => {
  const alphabet = fc.constantFrom(...'ab_.-=" \'#$\\{}\t\r\n\uFEFF1YES/'.split(''));
  const lineish = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));
  const realistic = fc.constantFrom('zfs_load="YES"', 'hw.foo=1', '# c', 'exec="echo"', 'a = "b" # c', "x='y'", 'k="v');

  test('never throws and keeps every offset inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), lineish, fc.array(fc.oneof(realistic, lineish)).map((l) => l.join('\n'))), (text) => {
        const r = parseLoaderConf(text);
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

  test('a 100,000-character line parses (its speed is measured in npm run bench)', () => {
    const r = parseLoaderConf(`a="${'x'.repeat(100_000)}"\n${'b'.repeat(100_000)}`);
    assert.equal(r.settings.length, 1);
    assert.equal(r.errors.length, 1);
  });
});
