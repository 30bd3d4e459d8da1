import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';

/**
 * scripts/generate-knobs.mjs (`npm run generate-data`): from the knob
 * catalogues in ../shared/reference it must give the committed
 * server/src/data files byte for byte; with --from it reads FreeBSD's own
 * defaults files (here small ones of our own, laid out as a source tree and
 * as an installed system); a missing input is one message, not a stack trace.
 */

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'generate-knobs.mjs');
const DATA = path.join(REPO_ROOT, 'server', 'src', 'data');
const REFERENCE = path.join(REPO_ROOT, '..', 'shared', 'reference');
const referencePresent = ['rc-conf-defaults.json', 'loader-conf-defaults.json'].every((f) => fs.existsSync(path.join(REFERENCE, f)));

function run(...args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

const RC = [
  '#!/bin/sh',
  '# defaults',
  ': ${_localbase:="/usr/local"}',
  '#rc_debug="NO"\t\t# commented out',
  'sshd_enable="NO"\t\t# Enable sshd',
  "sshd_flags=''",
  'ntp_leapfile_expiry_days=30\t# unquoted',
  'local_startup="${_localbase}/etc/rc.d" # not expanded',
  'ldconfig_paths="/usr/lib/compat',
  'sshd_enable_not_a_knob=x" # inside the quoted value above',
  '#ifconfig_em0_alias0="inet 192.0.2.1/32"',
  '#sshd_enable="YES"\t# also set above: not only commented out',
  'if [ -z "${x}" ]; then',
  '\tsource_rc_confs_defined=yes',
  'fi',
  '',
].join('\n');

const LOADER = ['exec="echo Loading"', 'kernel="kernel"\t# comment', 'pf_load="NO"', '#carp_load="YES"', 'vesa_load="NO"', 'tftp.blksize="1428"', ''].join('\n');

describe('scripts/generate-knobs.mjs (npm run generate-data)', () => {
  test('from ../shared/reference it reproduces the committed server/src/data byte for byte', { skip: referencePresent ? false : `knob catalogues not found in ${REFERENCE}` }, () => {
    const out = makeTempDir('fc-knobs-');
    const r = run('--out', out);
    assert.equal(r.code, 0, r.stderr);
    for (const name of ['rc-knobs.json', 'loader-knobs.json']) {
      assert.ok(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(DATA, name))), `${name} differs from server/src/data/${name}: run npm run generate-data`);
    }
    assert.deepEqual(fs.readdirSync(out).sort(), ['loader-knobs.json', 'rc-knobs.json']);
  });

  test('--from a FreeBSD source tree reads libexec/rc/rc.conf and stand/defaults/loader.conf', () => {
    const tree = makeTempDir('fc-src-', {
      'libexec/rc/rc.conf': RC,
      'stand/defaults/loader.conf': LOADER,
      'sys/conf/newvers.sh': 'TYPE="FreeBSD"\nREVISION="15.0"\nBRANCH="CURRENT"\n',
    });
    const out = makeTempDir('fc-knobs-');
    const r = run('--from', tree, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    const rc = JSON.parse(fs.readFileSync(path.join(out, 'rc-knobs.json'), 'utf8')) as { source: string; knobs: { name: string; default: string; line: number }[]; examples: string[] };
    assert.equal(rc.source, 'FreeBSD 15.0-CURRENT libexec/rc/rc.conf (source tree)');
    assert.deepEqual(
      rc.knobs.map((k) => [k.name, k.default, k.line]),
      [
        ['_localbase', '/usr/local', 3],
        ['sshd_enable', 'NO', 5],
        ['sshd_flags', '', 6],
        ['ntp_leapfile_expiry_days', '30', 7],
        ['local_startup', '${_localbase}/etc/rc.d', 8],
        ['ldconfig_paths', '/usr/lib/compat\nsshd_enable_not_a_knob=x', 9],
      ],
    );
    assert.deepEqual(rc.examples, ['rc_debug', 'ifconfig_em0_alias0']);
    const loader = JSON.parse(fs.readFileSync(path.join(out, 'loader-knobs.json'), 'utf8')) as { source: string; knobs: { name: string; default: string; line: number }[] };
    assert.equal(loader.source, 'FreeBSD 15.0-CURRENT stand/defaults/loader.conf (source tree)');
    // *_load knobs first, then the other assignments, as in the reference catalogue.
    assert.deepEqual(
      loader.knobs.map((k) => [k.name, k.default, k.line]),
      [
        ['pf_load', 'NO', 3],
        ['vesa_load', 'NO', 5],
        ['exec', 'echo Loading', 1],
        ['kernel', 'kernel', 2],
        ['tftp.blksize', '1428', 6],
      ],
    );
  });

  test('--from a FreeBSD root reads /etc/defaults/rc.conf and /boot/defaults/loader.conf, and names the release', () => {
    const rootDir = makeTempDir('fc-root-', {
      'etc/defaults/rc.conf': RC,
      'boot/defaults/loader.conf': LOADER,
      'bin/freebsd-version': '#!/bin/sh\nUSERLAND_VERSION="14.3-RELEASE-p2"\n',
    });
    const out = makeTempDir('fc-knobs-');
    const r = run('--from', rootDir, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'rc-knobs.json'), 'utf8')).source, 'FreeBSD 14.3-RELEASE-p2 /etc/defaults/rc.conf (installed system)');
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'loader-knobs.json'), 'utf8')).knobs.length, 5);
  });

  test('a missing input is one clear message and exit 2, never a stack trace', () => {
    const empty = makeTempDir('fc-empty-');
    const half = makeTempDir('fc-half-', { 'libexec/rc/rc.conf': RC });
    const out = makeTempDir('fc-knobs-');
    const cases: [string[], RegExp][] = [
      [['--shared', empty, '--out', out], /no .*reference\/rc-conf-defaults\.json and no .*reference\/loader-conf-defaults\.json: without --from this reads the knob catalogues in .*\. Pass --from <FreeBSD source tree or root>/],
      [['--from', path.join(empty, 'nope'), '--out', out], /--from .*nope: no such folder/],
      [['--from', empty, '--out', out], /is neither a FreeBSD source tree \(libexec\/rc\/rc\.conf, stand\/defaults\/loader\.conf\) nor a FreeBSD root \(\/etc\/defaults\/rc\.conf, \/boot\/defaults\/loader\.conf\)/],
      [['--from', half, '--out', out], /looks like a FreeBSD source tree but has no stand\/defaults\/loader\.conf/],
      [['--frm', empty], /Unknown option '--frm'\. Usage: node scripts\/generate-knobs\.mjs/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.deepEqual(fs.readdirSync(out), [], 'nothing written');
  });
});
