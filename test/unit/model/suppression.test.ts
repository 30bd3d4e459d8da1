import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findings, workspaceFromFiles } from '../../helpers/workspace';
import { suppressionFix, fileSuppressionFix } from '../../../server/src/fixes/suppress';
import { applyFix } from '../../helpers/workspace';

const codesIn = (t: ReturnType<typeof workspaceFromFiles>, rel: string): string[] => findings(t, rel).map((f) => `${f.range.start.line}:${f.code}`);

describe('inline suppression', () => {
  test('disable-next-line silences the listed codes on the next line only', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': [
        'hostname="fw1"',
        '# freebsd-conf-disable-next-line rc/invalid-yes-no,rc/unknown-variable',
        'pf_enable="maybe"',
        'pflog_enable="maybe"',
      ].join('\n'),
    });
    assert.deepEqual(codesIn(t, 'fw1/etc/rc.conf'), ['3:rc/invalid-yes-no']);
  });

  test('a directive without codes silences every code on the next line', () => {
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': '# freebsd-conf-disable-next-line\npf_enable="maybe"\n' });
    assert.deepEqual(codesIn(t, 'fw1/etc/rc.conf'), []);
  });

  test('disable silences a code in the whole file, wherever the directive is', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': 'pf_enable="maybe"\nsshd_enabel="YES"\n# freebsd-conf-disable rc/invalid-yes-no\npflog_enable="x"\n',
    });
    assert.deepEqual(codesIn(t, 'fw1/etc/rc.conf'), ['1:rc/unknown-variable']);
  });

  test('a directive above a multi-line statement covers all of its lines', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': '# freebsd-conf-disable-next-line carp/missing-pass\nifconfig_em0_alias0="inet \\\n  vhid 1 alias 192.0.2.1/32"\nifconfig_em0="inet 192.0.2.2/24"\n',
      'fw1/boot/loader.conf': 'carp_load="YES"\n',
    });
    assert.deepEqual(codesIn(t, 'fw1/etc/rc.conf'), []);
  });

  test('the line fix goes above the statement, indented like it, and silences only that diagnostic', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet \\\n  vhid 1 alias 192.0.2.1/32"\npf_enable="maybe"\n',
    });
    const [f] = findings(t, 'fw1/etc/rc.conf').filter((x) => x.code === 'carp/missing-pass');
    const doc = t.ws.get(t.uri('fw1/etc/rc.conf'))!;
    const fix = suppressionFix(doc, f.code, 2);
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# freebsd-conf-disable-next-line carp/missing-pass\n' }]);
    assertFixResolves(t, f, fix);
  });

  test('a second line fix extends the existing directive instead of stacking comments', () => {
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': '  # freebsd-conf-disable-next-line rc/unknown-variable\n  pf_enable="maybe"\n' });
    const doc = t.ws.get(t.uri('fw1/etc/rc.conf'))!;
    const fix = suppressionFix(doc, 'rc/invalid-yes-no', 1);
    const after = applyFix(t, fix).ws.get(t.uri('fw1/etc/rc.conf'))!.text;
    assert.equal(after, '  # freebsd-conf-disable-next-line rc/unknown-variable,rc/invalid-yes-no\n  pf_enable="maybe"\n');
  });

  test('the file fix puts the directive on the first line, after a BOM', () => {
    const t = workspaceFromFiles({ 'fw1/boot/loader.conf': '\uFEFFpf_load="1"\n' });
    const doc = t.ws.get(t.uri('fw1/boot/loader.conf'))!;
    const after = applyFix(t, fileSuppressionFix(doc, 'loader/load-value')).ws.get(t.uri('fw1/boot/loader.conf'))!.text;
    assert.equal(after, '\uFEFF# freebsd-conf-disable loader/load-value\npf_load="1"\n');
    assert.deepEqual(findings(applyFix(t, fileSuppressionFix(doc, 'loader/load-value')), 'fw1/boot/loader.conf').map((f) => f.code), ['file/encoding']);
  });
});
