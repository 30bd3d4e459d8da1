import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';

/**
 * THIRD-PARTY-NOTICES.md (`npm run notices`, scripts/third-party-notices.mjs):
 * the committed file must be what the production bundles hold now, since the
 * bundles themselves carry no licence comments; a stale file is one message
 * naming what changed and the command that fixes it.
 */

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'third-party-notices.mjs');
const NOTICES = path.join(REPO_ROOT, 'THIRD-PARTY-NOTICES.md');
const BUNDLES = ['client/out/extension.js', 'media/dist/topology.js', 'media/dist/topology.css', 'server/out/cli.js', 'server/out/server.js'];

function check(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--check', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** name@version → its section of the notices (from its heading to the next package's). */
function sections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const heading = /^## ((?:@[^\s/]+\/)?[^\s@]+@\S+)$/gm;
  const starts = [...text.matchAll(heading)];
  starts.forEach((m, i) => found.set(m[1], text.slice(m.index, starts[i + 1]?.index ?? text.length)));
  return found;
}

function sectionOf(all: Map<string, string>, name: string): string {
  const ids = [...all.keys()].filter((id) => id.startsWith(`${name}@`));
  assert.equal(ids.length, 1, `${name}: ${ids.length} entries in THIRD-PARTY-NOTICES.md`);
  return all.get(ids[0])!;
}

describe('THIRD-PARTY-NOTICES.md (scripts/third-party-notices.mjs)', () => {
  const committed = fs.readFileSync(NOTICES, 'utf8');
  const all = sections(committed);

  test('the committed file is what the production bundles include now', () => {
    const r = check();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /THIRD-PARTY-NOTICES\.md is current/);
  });

  test('elkjs and vscode-languageclient are listed with their licences and their bundles', () => {
    const elk = sectionOf(all, 'elkjs');
    assert.match(elk, /^- Licence: EPL-2\.0 OR GPL-3\.0-or-later$/m);
    assert.match(elk, /^- Included in: media\/dist\/topology\.js$/m);
    assert.match(elk, /Eclipse Public License - v 2\.0/);
    assert.match(elk, /GNU General Public License v3\.0 or later/);

    const client = sectionOf(all, 'vscode-languageclient');
    assert.match(client, /^- Licence: MIT$/m);
    assert.match(client, /^- Included in: client\/out\/extension\.js$/m);
    assert.match(client, /Permission is hereby granted, free of charge/);
  });

  test('the server and CLI dependencies are listed; every entry names shipped bundles and has a licence text or says why not', () => {
    for (const name of ['vscode-languageserver', 'ipaddr.js', 'picomatch', 'jsonc-parser', 'fastest-levenshtein']) {
      assert.match(sectionOf(all, name), /^- Included in: .*server\/out\/server\.js/m, name);
    }
    for (const [id, section] of all) {
      const included = /^- Included in: (.+)$/m.exec(section)?.[1].split(', ') ?? [];
      assert.ok(included.length > 0 && included.every((b) => BUNDLES.includes(b)), `${id}: included in ${included.join(', ')}`);
      assert.ok(/^```+text$/m.test(section) || /holds no licence file/.test(section), `${id} has neither a licence text nor the note`);
    }
    const names = [...all.keys()].map((id) => id.replace(/@[^@]*$/, ''));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en')), 'sorted by name');
  });

  test('a stale file: exit 1, naming the package that changed and `npm run notices`', () => {
    const elk = sectionOf(all, 'elkjs');
    const stale = path.join(makeTempDir('fc-notices-'), 'THIRD-PARTY-NOTICES.md');
    fs.writeFileSync(stale, committed.replace(elk, ''));
    const r = check('--file', stale);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /out of date \(now bundled: elkjs@[^)]+\): run npm run notices/);
  });
});
