import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/undefined-macro', () => {
  test('a misspelt macro on fw1 is reported at the use, with "did you mean" and "define" fixes', () => {
    const t = loadFixture('pf-macros');
    const [f] = findingsOf(t, 'fw1/etc/pf.conf', 'pf/undefined-macro', 1);
    assert.deepEqual(rangeOf(f), [20, 34, 20, 44]);
    assert.equal(f.message, "macro 'mgmt_host' not defined: pfctl rejects the file. Did you mean $mgmt_hosts?");
    const [rename, define] = f.fixes ?? [];
    assert.equal(rename.title, 'Did you mean $mgmt_hosts');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.changes[0].edits, [{ range: { start: { line: 20, character: 35 }, end: { line: 20, character: 44 } }, newText: 'mgmt_hosts' }]);
    const before = t.ws.get(t.uri('fw1/etc/pf.conf'))!.text;
    assert.equal(textAfterFix(t, rename, 'fw1/etc/pf.conf'), before.replace('from $mgmt_host to', 'from $mgmt_hosts to'));
    assertFixResolves(t, f, rename);

    assert.equal(define.title, 'Define macro mgmt_host');
    // After the header comment, above the first macro; an address fits after `from`.
    assert.deepEqual(define.changes[0].edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'mgmt_host = "192.0.2.1"\n' }]);
    assertFixResolves(t, f, define);
  });

  test('a macro defined below its uses on fw2: both uses are reported and the definition is moved up', () => {
    const t = loadFixture('pf-macros');
    const found = findingsOf(t, 'fw2/etc/pf.conf', 'pf/undefined-macro', 3);
    const uses = found.filter((f) => f.message.includes("'ext_if'"));
    assert.deepEqual(uses.map(rangeOf), [[10, 10, 10, 17], [13, 12, 13, 19]]);
    assert.match(uses[0].message, /not defined yet: it is defined on line 17, but pfctl expands macros as it reads/);
    assert.deepEqual(uses[0].related?.map((r) => [r.range.start.line, r.message]), [[16, "'ext_if' is defined only here"]]);
    const move = uses[0].fixes?.[0];
    assert.ok(move);
    assert.equal(move.title, 'Move the definition of ext_if to the top of the file');
    const before = t.ws.get(t.uri('fw2/etc/pf.conf'))!.text;
    const expected = before.replace('int_if = "em1"\n', 'ext_if = "em0"\nint_if = "em1"\n').replace('# Added during the uplink migration.\next_if = "em0"\n', '# Added during the uplink migration.\n');
    assert.equal(textAfterFix(t, move, 'fw2/etc/pf.conf'), expected);
    const after = assertFixResolves(t, uses[0], move);
    findingsOf(after, 'fw2/etc/pf.conf', 'pf/undefined-macro', 1);
  });

  test('with no similar macro, "define" inserts a placeholder that fits the slot (an interface after `on`)', () => {
    const t = loadFixture('pf-macros');
    const [f] = findingsOf(t, 'fw2/etc/pf.conf', 'pf/undefined-macro').filter((x) => x.message.includes("'dmz_if'"));
    assert.deepEqual(rangeOf(f), [12, 11, 12, 18]);
    assert.equal(f.fixes?.length, 1);
    assert.deepEqual(f.fixes?.[0].changes[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'dmz_if = "em0"\n' }]);
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('placeholders follow the slot: port, protocol, IPv6 address', () => {
    const t = workspaceFromFiles({
      'h/etc/pf.conf': 'pass in inet6 proto tcp from $peer6 to port 22\npass in proto tcp to port $svc\npass in proto $p to port 22\n',
    });
    // pfctl skips the rest of a line after an undefined macro, so each use sits on its own line.
    const values = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-macro', 3).map((f) => f.fixes?.at(-1)?.changes[0].edits[0].newText);
    assert.deepEqual(values, ['peer6 = "2001:db8::1"\n', 'svc = "80"\n', 'p = "tcp"\n']);
  });

  test('the define fix keeps a byte-order mark first', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': '\uFEFFpass in on $lan_if all\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-macro', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), '\uFEFFlan_if = "em0"\npass in on $lan_if all\n');
  });

  test('no false alarm: defined macros, macros in definitions, and $words inside quotes', () => {
    const t = workspaceFromFiles({
      'h/etc/pf.conf': [
        '# label placeholders are expanded by pfctl itself, not as macros',
        'ext_if = "em0"',
        'tcp_services = "{ ssh, smtp }"',
        'all_if = "{" $ext_if lo0 "}"',
        'pass in on $all_if proto tcp to port $tcp_services label "$if:$dstport"',
        '',
      ].join('\n'),
    });
    findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-macro', 0);
  });
});

describe('pf/undefined-macro edge cases', () => {
  test('a use on the first line, which pfctl skips whole, still gets its definition above it', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': '# header\npass in on $wan_if all\npass out all\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-macro', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), '# header\nwan_if = "em0"\npass in on $wan_if all\npass out all\n');
    assertFixResolves(t, f, f.fixes![0]);
  });

  test("a bare '$' is pfctl's macro '' and gets no fix", () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'pass in all label $ foo\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-macro', 1);
    assert.match(f.message, /^macro '' not defined: a '\$' outside quotes starts a macro name and none follows/);
    assert.equal(f.fixes, undefined);
  });
});
