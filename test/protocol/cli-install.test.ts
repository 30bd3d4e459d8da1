import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/workspace';

/**
 * npm itself, as `npm run` found it (npm_execpath) or from PATH. The npm_config_*
 * variables `npm run` exports are dropped, so that only the flags below count.
 */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
  const execPath = process.env.npm_execpath;
  const [cmd, argv] = execPath && /npm-cli\.js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npm', args];
  return spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', timeout: 120000 });
}

describe('installing the CLI from its npm tarball', () => {
  test('npm pack holds only the bundle, README, LICENSE, THIRD-PARTY-NOTICES.md and package.json; npm install -g of it gives a working freebsd-conf', (t) => {
    const tmp = tempDir(t);
    // --ignore-scripts: prepack would rebuild server/out/ while other test files run it.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO_ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'package.json', 'server/out/cli.js']);

    // An empty cache and --offline: the install must need nothing from the registry.
    const prefix = path.join(tmp, 'prefix');
    const install = npm(['install', '-g', '--prefix', prefix, '--cache', path.join(tmp, 'cache'), '--offline', '--no-audit', '--no-fund', path.join(tmp, info.filename)], tmp);
    assert.equal(install.status, 0, install.stderr);

    const bin = path.join(prefix, 'bin', 'freebsd-conf');
    assert.ok(fs.existsSync(bin), `${bin} was not created`);
    // The bin is run as a program (its #! line finds node on PATH), not through node.
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
    const check = spawnSync(bin, ['check', 'examples/'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60000 });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^examples\/fw2\/boot\/loader\.conf:3:1 error loader\/legacy-if-carp /m);
    assert.match(check.stderr, /^16 files checked: 11 errors, 10 warnings, 0 information, 1 hint$/m);

    const version = spawnSync(bin, ['--version'], { env, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  test('from a clone, after npm ci && npm run build, `npx freebsd-conf` runs the bundle (without the registry)', () => {
    const r = npm(['exec', '--offline', '--', 'freebsd-conf', 'check', 'examples/fw1'], REPO_ROOT);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^4 files checked: 1 error, 4 warnings, 0 information, 1 hint$/m);
  });
});
