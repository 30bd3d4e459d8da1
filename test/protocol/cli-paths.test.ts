import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli as run, tempDir } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/workspace';

const BAD_RC = 'pf_enable="maybe"\n';
const WARN_RC = 'sshd_enable="YES"\nsshd_enable="NO"\n';

describe('which PATHs are checked (the built CLI)', () => {
  test('a directory without any of the four files is an error, as eslint treats a pattern that matches nothing', (t) => {
    const dir = tempDir(t, { 'empty/README': 'not a config\n' });
    const r = run(['check', 'empty/'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^freebsd-conf: no rc\.conf, loader\.conf, sysctl\.conf or pf\.conf found under empty\/$/m);
    assert.doesNotMatch(r.stderr, /0 files checked/);
  });

  test('one config file in the directory is enough: exit 0, no complaint', (t) => {
    const dir = tempDir(t, { 'empty/etc/rc.conf': 'hostname="a"\n' });
    const r = run(['check', 'empty/'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /found under/);
  });

  test('a missing PATH is reported on stderr after the other PATHs were checked and printed; exit 2', (t) => {
    const dir = tempDir(t, { 'good/etc/rc.conf': BAD_RC });
    const r = run(['check', '/nope', 'good/'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^good\/etc\/rc\.conf:1:11 error rc\/invalid-yes-no /m);
    assert.match(r.stderr, /^1 file checked: 1 error,/m);
    assert.match(r.stderr, /^freebsd-conf: \/nope: no such file or directory$/m);
    assert.ok(r.stderr.indexOf('/nope') > r.stderr.indexOf('file checked'), 'the error is the last thing said');
  });

  test('the missing PATH can come last, and an empty directory beside it is reported as well', (t) => {
    const dir = tempDir(t, { 'good/etc/rc.conf': 'hostname="a"\n', 'empty/x': '' });
    const r = run(['check', '--format', 'json', 'good', 'empty', 'nope/rc.conf'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [] });
    assert.match(r.stderr, /found under empty$/m);
    assert.match(r.stderr, /nope\/rc\.conf: no such file or directory$/m);
  });

  test('a file whose name does not tell its kind is an error for that PATH only', (t) => {
    const dir = tempDir(t, { 'rules.txt': 'pass all\n', 'etc/rc.conf': BAD_RC });
    const r = run(['check', 'rules.txt', 'etc/rc.conf'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /etc\/rc\.conf:1:11 error rc\/invalid-yes-no/);
    assert.match(r.stderr, /cannot tell what kind of file rules\.txt is/);
  });

  test('--kind applies to files whose name does not tell; a recognised name keeps its own kind', (t) => {
    // The mixed list pre-commit passes: with --kind pf, rc.conf must still be read as rc.conf.
    const dir = tempDir(t, { 'firewall.rules': 'pass in on carp0 all\n', 'etc/rc.conf': BAD_RC });
    const r = run(['check', '--kind', 'pf', 'firewall.rules', 'etc/rc.conf'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^firewall\.rules:1:\d+ error pf\/legacy-carp-interface /m);
    assert.match(r.stdout, /^etc\/rc\.conf:1:11 error rc\/invalid-yes-no /m);
    assert.doesNotMatch(r.stdout, /etc\/rc\.conf.* pf\//);
  });
});

describe('the summary and --max-warnings', () => {
  test('counts are singular for one and plural otherwise', (t) => {
    const one = tempDir(t, { 'etc/rc.conf': `${BAD_RC}${WARN_RC}` });
    assert.match(run(['check', one]).stderr, /^1 file checked: 1 error, 1 warning, 0 information, 0 hints$/m);
    const two = tempDir(t, { 'a/etc/rc.conf': `${BAD_RC}${WARN_RC}`, 'b/etc/rc.conf': `${BAD_RC}${WARN_RC}` });
    assert.match(run(['check', two]).stderr, /^2 files checked: 2 errors, 2 warnings, 0 information, 0 hints$/m);
  });

  test('the examples summary reads "1 hint"', () => {
    assert.match(run(['check', 'examples/']).stderr, /^16 files checked: 11 errors, 10 warnings, 0 information, 1 hint$/m);
  });

  test('--max-warnings N: N warnings pass, N+1 fail with a message', (t) => {
    const dir = tempDir(t, { 'etc/rc.conf': WARN_RC });
    assert.equal(run(['check', '--max-warnings', '1', dir]).code, 0);
    const over = run(['check', '--max-warnings', '0', dir]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warning, more than --max-warnings 0 allows/);
  });

  test('--max-warnings -1 means no limit, as in eslint, written either way', (t) => {
    const dir = tempDir(t, { 'etc/rc.conf': WARN_RC });
    assert.equal(run(['check', '--max-warnings', '-1', dir]).code, 0);
    assert.equal(run(['check', '--max-warnings=-1', dir]).code, 0);
    // and it does not hide errors
    const errors = tempDir(t, { 'etc/rc.conf': BAD_RC });
    assert.equal(run(['check', '--max-warnings', '-1', errors]).code, 1);
  });

  test('other negative, fractional or missing numbers are usage errors with a clear message', () => {
    for (const bad of ['-2', '1.5', 'many', '']) {
      const r = run(['check', `--max-warnings=${bad}`, 'examples/']);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--max-warnings needs a whole number of warnings \(0 or more\), or -1 for no limit/, bad);
    }
  });
});

describe('--version', () => {
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  test('prints package.json version', () => {
    assert.equal(run(['--version']).stdout.trim(), version);
  });

  test('is right when the bundle runs alone, far from package.json (it is embedded at build time)', (t) => {
    const dir = tempDir(t);
    const copy = path.join(dir, 'cli.js');
    fs.copyFileSync(CLI, copy);
    const r = run(['--version'], dir, copy);
    assert.equal(r.stdout.trim(), version);
    assert.notEqual(version, '0.0.0-unbundled');
  });
});
