import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findings, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/unknown-keyword', () => {
  test('typos of keywords on fw1 are reported with the keyword as the fix', () => {
    const t = loadFixture('pf-keywords');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/unknown-keyword', 2);
    assert.deepEqual(found.map(rangeOf), [[8, 8, 8, 13], [10, 25, 10, 29]]);
    assert.equal(found[0].message, "syntax error: 'qiuck' is not a pf keyword; did you mean 'quick'? pfctl refuses to load the file.");
    const fix = found[0].fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Change qiuck to quick');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 8, character: 8 }, end: { line: 8, character: 13 } }, newText: 'quick' }]);
    const before = t.ws.get(t.uri('fw1/etc/pf.conf'))!.text;
    assert.equal(textAfterFix(t, fix, 'fw1/etc/pf.conf'), before.replace('pass in qiuck', 'pass in quick'));
    assertFixResolves(t, found[0], fix);
    assert.equal(found[1].fixes?.[0].title, 'Change stat to state');
    assertFixResolves(t, found[1], found[1].fixes![0]);
    findingsOf(t, 'fw1/etc/pf.conf', 'pf/syntax', 0);
  });

  test('letter case, statement starts and swapped letters', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'Pass in all\nblok in all\npass in on em0 form any\n' });
    const found = findingsOf(t, 'h/etc/pf.conf', 'pf/unknown-keyword', 3);
    assert.equal(found[0].message, "syntax error: 'Pass' is not a pf keyword (keywords are lower case); did you mean 'pass'? pfctl refuses to load the file.");
    assert.deepEqual(found.map((f) => f.fixes?.[0].changes[0].edits[0].newText), ['pass', 'block', 'from']);
  });

  test('not a typo: a keyword in the wrong place, an interface name, a short word, a word from a macro', () => {
    const t = workspaceFromFiles({
      'h/etc/pf.conf': 'opts = "qiuck"\npass quick in all\npass in lo0 all\npass in xy all\npass in $opts all\n',
    });
    findingsOf(t, 'h/etc/pf.conf', 'pf/unknown-keyword', 0);
    assert.equal(findingsOf(t, 'h/etc/pf.conf', 'pf/syntax').length, 4);
  });

  test('every parser error is reported by exactly one code', () => {
    const text = 'ext_if = "em0"\npass in qiuck all\npass in all port\npass to port 70000\npass to { 10.0.0.1 - 10.0.0.5 }\ntable <t> { 10.0.0.1 - 10.0.0.2 }\npass on $nope\n';
    const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
    const doc = t.ws.get(t.uri('h/etc/pf.conf'));
    assert.ok(doc && doc.kind === 'pf');
    const parserCodes = ['pf/syntax', 'pf/unknown-keyword', 'pf/undefined-macro', 'pf/invalid-address', 'pf/invalid-port'];
    const reported = findings(t, 'h/etc/pf.conf').filter((f) => parserCodes.includes(f.code));
    assert.equal(reported.length, doc.pf.errors.length);
    const starts = new Set(reported.map((f) => `${f.range.start.line}:${f.range.start.character}`));
    assert.equal(starts.size, reported.length);
  });
});

describe('pf/unknown-keyword on optional keywords', () => {
  test('a misspelt `port` after an address is caught and fixed', () => {
    const t = workspaceFromFiles({ 'fw9/etc/pf.conf': 'pass in on em0 proto tcp to any prot 22\n' });
    const [f] = findingsOf(t, 'fw9/etc/pf.conf', 'pf/unknown-keyword', 1);
    assert.deepEqual(rangeOf(f), [0, 32, 0, 36]);
    assert.equal(textAfterFix(t, f.fixes![0], 'fw9/etc/pf.conf'), 'pass in on em0 proto tcp to any port 22\n');
    assertFixResolves(t, f, f.fixes![0]);
  });
});
