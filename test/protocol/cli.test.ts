import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES } from '../helpers/workspace';
import { runCli as run, tempDir } from '../helpers/cli';

interface JsonItem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  related: unknown[];
}

describe('freebsd-conf check (the built CLI)', () => {
  const fixture = path.join(FIXTURES, 'protocol-cluster');

  test('text format prints file:line:col severity code message and exits 1 on errors', () => {
    const r = run(['check', fixture]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^test\/fixtures\/protocol-cluster\/fw1\/etc\/rc\.conf:7:11 error rc\/invalid-yes-no /m);
    assert.match(r.stdout, /^test\/fixtures\/protocol-cluster\/fw2\/boot\/loader\.conf:2:1 error loader\/legacy-if-carp /m);
    assert.match(r.stderr, /^4 files checked: \d+ errors?, \d+ warnings?, \d+ information, \d+ hints?$/m);
  });

  test('json format is one object with a diagnostics array, logs stay on stderr', () => {
    const r = run(['check', '--format', 'json', fixture]);
    const out = JSON.parse(r.stdout) as { diagnostics: JsonItem[] };
    const item = out.diagnostics.find((d) => d.code === 'rc/invalid-yes-no')!;
    assert.deepEqual(
      { file: item.file, line: item.line, column: item.column, endLine: item.endLine, endColumn: item.endColumn, severity: item.severity },
      { file: 'test/fixtures/protocol-cluster/fw1/etc/rc.conf', line: 7, column: 11, endLine: 7, endColumn: 18, severity: 'error' },
    );
    const dup = out.diagnostics.find((d) => d.code === 'rc/duplicate-assignment' && d.file.includes('fw1'))!;
    const related = dup.related[0] as JsonItem;
    assert.deepEqual(Object.keys(related).sort(), Object.keys(dup).sort(), 'related items have the same shape');
    assert.equal(related.line, 8);
    assert.equal(related.severity, 'information');
    assert.match(r.stderr, /files checked/);
  });

  test('sarif format is SARIF 2.1.0 with rules and results', () => {
    const r = run(['check', '--format', 'sarif', fixture]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'freebsd-conf');
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'loader/legacy-if-carp');
    assert.equal(result.level, 'error');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'loader/legacy-if-carp');
    assert.deepEqual(result.locations[0].physicalLocation.region.startLine, 2);
  });

  test('exit 0 without errors; --max-warnings turns warnings into a failure', (t) => {
    const dir = tempDir(t, { 'etc/rc.conf': 'hostname="a"\nsshd_enable="YES"\nsshd_enable="NO"\n' });
    assert.equal(run(['check', dir]).code, 0);
    assert.equal(run(['check', '--max-warnings', '0', dir]).code, 1);
    assert.equal(run(['check', '--max-warnings', '1', dir]).code, 0);
  });

  test('exit 2 on bad usage or an unreadable path, with a clear message', () => {
    const missing = run(['check', '/no/such/path']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
    const badFormat = run(['check', '--format', 'xml', '.']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown format "xml"/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['check', '--no-such-flag']).code, 2);
  });

  test('severity settings apply: a code set to off disappears', (t) => {
    const dir = tempDir(t, { 'etc/rc.conf': 'pf_enable="maybe"\n', 'settings.json': '{"severity": {"rc/invalid-yes-no": "off"}}' });
    const r = run(['check', '--format', 'json', '--settings', path.join(dir, 'settings.json'), dir]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).diagnostics, []);
  });
});

describe('the file cap', () => {
  test('maxFiles limits a directory scan and says how many files were left out', (t) => {
    const dir = tempDir(t, { 'a/etc/rc.conf': 'pf_enable="maybe"\n', 'b/etc/rc.conf': 'pf_enable="maybe"\n', 'c/etc/rc.conf': 'pf_enable="maybe"\n', 's.json': '{"maxFiles": 2}' });
    const r = run(['check', '--format', 'json', '--settings', path.join(dir, 's.json'), dir], dir);
    assert.equal((JSON.parse(r.stdout) as { diagnostics: JsonItem[] }).diagnostics.length, 2);
    assert.match(r.stderr, /1 more config files not checked \(over the maxFiles setting, 2\)/);
  });
});

describe('bad input never crashes and the rest of the workspace is still checked', () => {
  const broken = 'pf_enable="maybe"\n';
  const files: Record<string, string | Buffer> = {
    'bin/etc/rc.conf': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]),
    'big/etc/rc.conf': Buffer.alloc(5 * 1024 * 1024 + 1, 'a'),
    'latin1/etc/rc.conf': Buffer.concat([Buffer.from('hostname="caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    'crlf/etc/rc.conf': 'hostname="x"\r\nsshd_enable="YES"\r\n',
    'bom/etc/rc.conf': '\uFEFFhostname="x"\n',
    'long/etc/rc.conf': `hostname="${'x'.repeat(100000)}"\n# ${'y'.repeat(100000)}\n`,
    'good/etc/rc.conf': broken,
  };

  test('each bad file gets a clear diagnostic or a skip message; the good file is still checked', (t) => {
    const dir = tempDir(t, files);
    const r = run(['check', '--format', 'json', dir], dir);
    const items = (JSON.parse(r.stdout) as { diagnostics: JsonItem[] }).diagnostics;
    const of = (rel: string): string[] => items.filter((i) => i.file === rel).map((i) => i.code);
    assert.deepEqual(of('bin/etc/rc.conf'), ['file/skipped']);
    assert.deepEqual(of('big/etc/rc.conf'), ['file/skipped']);
    assert.match(r.stderr, /skipped bin\/etc\/rc\.conf: binary file/);
    assert.match(r.stderr, /skipped big\/etc\/rc\.conf: larger than 5 MB/);
    assert.deepEqual(of('latin1/etc/rc.conf'), ['file/encoding']);
    assert.deepEqual(of('crlf/etc/rc.conf'), ['file/crlf']);
    assert.deepEqual(of('bom/etc/rc.conf'), ['file/encoding']);
    assert.deepEqual(of('long/etc/rc.conf'), []);
    assert.deepEqual(of('good/etc/rc.conf'), ['rc/invalid-yes-no']);
    assert.equal(r.code, 1);
  });
});
