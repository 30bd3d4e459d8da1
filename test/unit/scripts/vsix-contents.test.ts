import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';

/**
 * What the .vsix holds: .vscodeignore applied by vsce's own listing (as
 * scripts/package-vsix.mjs packages), judged by scripts/vsix-contents.mjs. On
 * a copy of a developer's checkout, with everything a checkout has lying
 * around, the listing must be exactly the bundles and the shipped folders; on
 * this repository, nothing may be wrong but bundles not built yet.
 */

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'vsix-contents.mjs');

function contents(dir: string): { files: string[]; problems: string[] } {
  const r = spawnSync(process.execPath, [SCRIPT, dir, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { files: string[]; problems: string[] };
}

const real = (rel: string): string => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');

/** A checkout after `npm ci && npm run build && npm run compile-tests && npm start`, in small. */
const CHECKOUT: Record<string, string> = {
  '.vscodeignore': real('.vscodeignore'),
  'package.json': real('package.json'),
  'package-lock.json': '{}',
  'README.md': '# freebsd-conf\n![diagnostics](docs/screenshots/a.png)\n<img src="./docs/screenshots/b.png" width="400">\n![remote](https://example.org/c.png)\n',
  LICENSE: 'BSD-2-Clause',
  'THIRD-PARTY-NOTICES.md': '# Third-party notices\n',
  'CHANGELOG.md': '# Changelog\n',
  'client/src/extension.ts': '',
  'client/out/extension.js': '',
  'client/out/extension.js.map': '',
  'server/src/server.ts': '',
  'server/out/server.js': '',
  'server/out/server.js.map': '',
  'server/out/cli.js': '',
  'server/out/cli.js.map': '',
  'out/test/unit/examples.test.js': '',
  'out/client/src/extension.js': '',
  'test/unit/examples.test.ts': '',
  'test/fixtures/rc-clean/etc/rc.conf': '',
  'test/nvim/init.lua': '',
  'node_modules/vscode-languageserver/package.json': '{}',
  'scripts/build.mjs': '',
  'scripts/icon/icon.svg': '<svg/>',
  'docs/design/pf-compact-parse.md': '',
  'docs/screenshots/a.png': 'png',
  'docs/screenshots/b.png': 'png',
  'media/icon.png': 'png',
  'media/dist/topology.js': '',
  'media/dist/topology.js.map': '',
  'media/dist/topology.css': '',
  'syntaxes/rc-conf.tmLanguage.json': '{}',
  'snippets/rc-conf.json': '{}',
  'language-configuration/rc-conf.json': '{}',
  'schemas/freebsd-conf.schema.json': '{}',
  'examples/fw1/etc/rc.conf': '',
  'tsconfig.json': '{}',
  'eslint.config.mjs': '',
  '.ci/run': '',
  '.git/config': '',
  '.npmrc': '',
  '.pre-commit-hooks.yaml': '',
  'freebsd-conf.vsix': '',
  'freebsd-conf-0.1.0.tgz': '',
};

describe('.vsix contents (.vscodeignore, scripts/vsix-contents.mjs)', () => {
  test('from a full checkout: the bundles, the shipped folders and the README images, nothing else', () => {
    const { files, problems } = contents(makeTempDir('fc-vsix-', CHECKOUT));
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'THIRD-PARTY-NOTICES.md',
      'client/out/extension.js',
      'docs/screenshots/a.png',
      'docs/screenshots/b.png',
      'language-configuration/rc-conf.json',
      'media/dist/topology.css',
      'media/dist/topology.js',
      'media/icon.png',
      'package.json',
      'schemas/freebsd-conf.schema.json',
      'server/out/cli.js',
      'server/out/server.js',
      'snippets/rc-conf.json',
      'syntaxes/rc-conf.tmLanguage.json',
    ]);
    assert.deepEqual(problems, []);
  });

  test('says what is wrong: bundles not built, a README image left out, a screenshot the README does not show', () => {
    const tree: Record<string, string> = { ...CHECKOUT, 'README.md': '![a](docs/screenshots/a.png) ![gone](docs/screenshots/gone.png)\n' };
    for (const rel of ['client/out/extension.js', 'client/out/extension.js.map']) delete tree[rel];
    const { problems } = contents(makeTempDir('fc-vsix-', tree));
    assert.deepEqual(problems, [
      'missing at the top: client (run npm run build)',
      'docs/screenshots/gone.png: the README shows it, the package leaves it out',
      'docs/screenshots/b.png: under docs/, only the images the README shows are shipped',
    ]);
  });

  test('this repository: nothing wrong, apart from bundles not built yet', () => {
    const { files, problems } = contents(REPO_ROOT);
    assert.deepEqual(
      problems.filter((p) => !/^missing at the top: (client|server) \(run npm run build\)$/.test(p)),
      [],
    );
    assert.ok(files.includes('media/icon.png') && files.includes('CHANGELOG.md'), 'the icon and the changelog ship');
    assert.ok(files.includes('THIRD-PARTY-NOTICES.md'), "the bundled packages' licences ship");
    const manifest = JSON.parse(real('package.json')) as { icon: string };
    assert.ok(files.includes(manifest.icon), `package.json's icon ${manifest.icon} ships`);
  });

  test('the icon is a 128x128 PNG', () => {
    const png = fs.readFileSync(path.join(REPO_ROOT, 'media', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
