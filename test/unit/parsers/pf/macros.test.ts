import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePfConf, type PfFilterRule } from '../../../../server/src/parsers/pf';

function filterAt(text: string, i = 0): PfFilterRule {
  const s = parsePfConf(text).statements.filter((x) => x.type !== 'macro')[i];
  assert.equal(s?.type, 'filter', JSON.stringify(s));
  return s as PfFilterRule;
}

describe('pf macros: textual expansion after the definition', () => {
  test('definition: name and value ranges, value without quotes', () => {
    const text = 'ext_if = "em0"\n';
    const m = parsePfConf(text).macros[0];
    assert.deepEqual([m.name, m.value, m.nameStart, m.nameEnd, m.valueStart, m.valueEnd], ['ext_if', 'em0', 0, 6, 9, 14]);
  });

  test('several value tokens are joined with single spaces; uses on the definition line expand then', () => {
    const r = parsePfConf('a="ssh"\nb="ftp"\nc=$a $b\nmyports = 5555 6666\nmore = $myports 7777\n');
    assert.deepEqual(r.macros.map((m) => [m.name, m.value]), [['a', 'ssh'], ['b', 'ftp'], ['c', 'ssh ftp'], ['myports', '5555 6666'], ['more', '5555 6666 7777']]);
    assert.deepEqual(r.errors, []);
  });

  test('a macro holding a list expands into a list; every part points at the use and the definition', () => {
    const text = 'GOOD = "{ lo0, lo1000000 }"\npass on $GOOD\n';
    const rule = filterAt(text);
    const use = text.indexOf('$GOOD');
    assert.deepEqual(rule.interfaces?.items.map((i) => i.name.text), ['lo0', 'lo1000000']);
    const w = rule.interfaces!.items[1].name;
    assert.deepEqual([w.start, w.end], [use, use + 5]);
    assert.deepEqual([w.origin?.name, w.origin?.valueStart, w.origin?.valueEnd, w.origin?.nameStart], ['GOOD', 7, 27, 0]);
  });

  test('use before definition: "macro \'x\' not defined" at the use, rest of line dropped', () => {
    const text = 'pass on $ext_if\next_if = "em0"\npass on $ext_if\n';
    const r = parsePfConf(text);
    assert.deepEqual(r.errors.map((e) => [e.message, e.kind, e.start, e.end]), [["macro 'ext_if' not defined", 'undefined-macro', 8, 15]]);
    assert.deepEqual(r.statements.map((s) => s.type), ['invalid', 'macro', 'filter']);
    assert.deepEqual(r.macroUses.map((u) => [u.name, u.start, u.definition?.value]), [['ext_if', 8, undefined], ['ext_if', 39, 'em0']]);
  });

  test('no expansion inside quotes: label placeholders stay literal and are not uses', () => {
    const r = parsePfConf('pass in label "$if:$srcaddr"\n');
    assert.deepEqual(r.errors, []);
    assert.equal(r.macroUses.length, 0);
    assert.equal((r.statements[0] as PfFilterRule).options[0].values[0].text, '$if:$srcaddr');
    assert.deepEqual(parsePfConf('pass in label $nr\n').errors.map((e) => e.message), ["macro 'nr' not defined"]);
  });

  test('redefinition: the last definition in effect wins at each use', () => {
    const r = parsePfConf('extif="wi0"\nextif="lo0"\nblock in on $extif\n');
    assert.equal((r.statements[2] as PfFilterRule).interfaces?.items[0].name.text, 'lo0');
    assert.equal(r.macroUses[0].definition, r.macros[1]);
  });

  test('no nested expansion at use time: a value with "$x" yields a literal $ and a syntax error', () => {
    const text = 'a = "$a"\npass from $a\n';
    const r = parsePfConf(text);
    assert.equal(r.errors.length, 1);
    const e = r.errors[0];
    assert.match(e.message, /^syntax error/);
    assert.deepEqual([e.start, e.end], [text.indexOf('$a\n'), text.indexOf('$a\n') + 2]);
    assert.deepEqual(e.related, [{ message: "macro 'a' is defined here", start: 4, end: 8 }]);
  });

  test('an error inside an expansion points at the use and relates to the definition', () => {
    const text = 'ports = "{ 500:100 }"\npass in proto tcp to port $ports\n';
    const r = parsePfConf(text);
    const e = r.errors[0];
    assert.equal(e.message, 'invalid port range');
    assert.equal(text.slice(e.start, e.end), '$ports');
    assert.deepEqual(e.related?.map((x) => text.slice(x.start, x.end)), ['"{ 500:100 }"']);
  });

  test('a keyword cannot be a macro name; a value must be strings or numbers', () => {
    assert.match(parsePfConf('pass = "x"\n').errors[0].message, /^syntax error/);
    assert.match(parsePfConf('a = pass\n').errors[0].message, /^syntax error/);
    assert.deepEqual(parsePfConf('a = pass\n').macros, []);
  });

  test('a macro value may end in the middle of a word; the word continues in the file', () => {
    const r = parsePfConf('net = "10.0"\npass from $net.0.1\n');
    assert.equal((r.statements[1] as PfFilterRule).from?.hosts?.items[0].text, '10.0.0.1');
  });

  test('macros cannot be defined inside an anchor body', () => {
    const r = parsePfConf('anchor foo {\n x = "1"\n pass\n}\n');
    assert.match(r.errors[0].message, /macros cannot be defined inside an anchor body/);
  });
});
