import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findings, findingsOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';
import { continuedGroup, statementSpans, statementStartLine } from '../../../server/src/model/statements';
import { suppressionFix } from '../../../server/src/fixes/suppress';

describe('statement spans', () => {
  test('pf: lines joined by a trailing backslash form one statement; brace lists without one do not', () => {
    const text = [
      'ext_if = "em0"',
      'pass in on $ext_if proto tcp \\',
      '  to port { ssh, \\',
      '  https }',
      'pass out on $ext_if proto tcp to port {',
      '  smtp',
      '}',
      '# an old rule: \\',
      'pass all',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': text });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf'))!;
    // A commented-out line ending in a backslash swallows the next line, as in pfctl.
    assert.deepEqual(statementSpans(doc), [{ first: 1, last: 3 }, { first: 7, last: 8 }]);
    assert.equal(statementStartLine(doc, 3), 1);
    assert.equal(statementStartLine(doc, 5), 5);
    assert.deepEqual(continuedGroup(doc.lines, 2), { first: 1, last: 3 });
  });

  test('pf with CRLF line ends and a backslash on the last line', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'pass in \\\r\n  all\r\npass out \\' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf'))!;
    assert.deepEqual(statementSpans(doc), [{ first: 0, last: 1 }]);
  });

  test('rc behaviour is unchanged: quoted values and continuations', () => {
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': 'a="1"\nifconfig_em0_alias0="inet \\\n  vhid 1 alias 192.0.2.1/32"\nb="x\ny"\n' });
    const doc = t.ws.get(t.uri('fw1/etc/rc.conf'))!;
    assert.deepEqual(statementSpans(doc), [{ first: 1, last: 2 }, { first: 3, last: 4 }]);
  });

  test('the suppression fix goes above a continued pf rule and silences every line of it', () => {
    const text = 'block log all\npass in on em0 proto tcp \\\n\tto port 70000\npass out all\n';
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': text });
    const [f] = findingsOf(t, 'fw1/etc/pf.conf', 'pf/invalid-port', 1);
    assert.equal(f.range.start.line, 2);
    const fix = suppressionFix(t.ws.get(t.uri('fw1/etc/pf.conf'))!, f.code, f.range.start.line);
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# freebsd-conf-disable-next-line pf/invalid-port\n' }]);
    assert.equal(textAfterFix(t, fix, 'fw1/etc/pf.conf'), text.replace('pass in on em0', '# freebsd-conf-disable-next-line pf/invalid-port\npass in on em0'));
    assertFixResolves(t, f, fix);
  });

  test('a directive above a continued pf rule covers all its lines', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': '# freebsd-conf-disable-next-line pf/invalid-port\npass in proto tcp \\\n  to port 70000\npass in proto tcp to port 70001\n' });
    assert.deepEqual(findings(t, 'fw1/etc/pf.conf').map((x) => `${x.range.start.line}:${x.code}`), ['3:pf/invalid-port']);
  });
});
