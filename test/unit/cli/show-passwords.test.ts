import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { MASKED_PASSWORD as M } from '../../../server/src/model/mask';

/** The CLI compiled next to this test (out/server/src/cli/main.js), so the test checks this tree's code, not a stale bundle. */
const CLI = path.join(__dirname, '..', '..', '..', 'server', 'src', 'cli', 'main.js');
const FIXTURE = 'test/fixtures/carp-passwords';
const FW1 = `${FIXTURE}/fw1/etc/rc.conf`;
const PASSES = ['uplink-vhid1', 'lan-vhid2', 'dmz-carp-key-far-too-long-2024', 'dmz-vhid4'];

function check(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, FIXTURE], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^4 files checked: 3 errors, 5 warnings/m);
  return r.stdout;
}

function assertNoPass(out: string): void {
  for (const secret of PASSES) assert.ok(!out.includes(secret), `${secret} leaked:\n${out}`);
  assert.ok(!/\d+ characters long/.test(out), 'the length of a pass leaked');
}

const syntaxMessage = (pass: string): string =>
  `\`ifconfig_carp1 = "vhid 2 pass ${pass} 10.20.0.1/24"\` runs a command named ifconfig_carp1 instead of setting it; write ifconfig_carp1="vhid 2 pass ${pass} 10.20.0.1/24" without spaces around =.`;
const legacyTail = (pass: string): string => `ifconfig_em0_alias0="inet vhid 1 advskew 0 pass ${pass} alias 203.0.113.10/32".`;

interface JsonItem {
  code: string;
  message: string;
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  fixes?: unknown;
}

describe('freebsd-conf check --show-passwords (carp-passwords fixture)', () => {
  test('text: passwords masked by default', () => {
    const out = check();
    assertNoPass(out);
    assert.ok(out.split('\n').includes(`${FW1}:12:1 error rc/syntax ${syntaxMessage(M)}`), out);
    assert.ok(out.includes(legacyTail(M)), out);
    assert.ok(out.includes('This CARP pass is longer than 19 bytes'), out);
  });

  test('text: --show-passwords prints them as written', () => {
    const out = check('--show-passwords');
    assert.ok(out.split('\n').includes(`${FW1}:12:1 error rc/syntax ${syntaxMessage('lan-vhid2')}`), out);
    assert.ok(out.includes(legacyTail('uplink-vhid1')), out);
    assert.ok(out.includes('This CARP pass is 30 characters long'), out);
    assert.ok(!out.includes(M), 'nothing is left masked');
  });

  test('json: masked by default, as written with the flag, and no fix edits in either', () => {
    const masked = check('--format', 'json');
    assertNoPass(masked);
    const items = (JSON.parse(masked) as { diagnostics: JsonItem[] }).diagnostics;
    assert.equal(items.find((i) => i.code === 'rc/syntax')?.message, syntaxMessage(M));
    for (const i of items) assert.deepEqual(Object.keys(i).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'severity']);
    const shown = (JSON.parse(check('--format', 'json', '--show-passwords')) as { diagnostics: JsonItem[] }).diagnostics;
    assert.equal(shown.find((i) => i.code === 'rc/syntax')?.message, syntaxMessage('lan-vhid2'));
  });

  test('sarif: masked by default, as written with the flag, and no fixes in the results', () => {
    const masked = check('--format', 'sarif');
    assertNoPass(masked);
    const results = (JSON.parse(masked) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    assert.equal(results.find((r) => r.ruleId === 'rc/syntax')?.message.text, syntaxMessage(M));
    assert.ok(results.every((r) => r.fixes === undefined), 'SARIF fixes would have to carry the real pass');
    const shown = (JSON.parse(check('--format', 'sarif', '--show-passwords')) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    assert.ok(shown.find((r) => r.ruleId === 'carp/legacy-carp-interface' && r.message.text.includes('pass uplink-vhid1')), JSON.stringify(shown));
  });

  test('"showPasswords" in the --settings file reveals; the flag reveals even when the file says false', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-pw-'));
    try {
      const on = path.join(dir, 'on.json');
      const off = path.join(dir, 'off.json');
      fs.writeFileSync(on, JSON.stringify({ showPasswords: true }));
      fs.writeFileSync(off, JSON.stringify({ showPasswords: false }));
      assert.ok(check('--settings', on).includes(syntaxMessage('lan-vhid2')));
      assertNoPass(check('--settings', off));
      assert.ok(check('--settings', off, '--show-passwords').includes(syntaxMessage('lan-vhid2')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help documents the flag', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /\[--show-passwords\]/);
    assert.match(r.stdout, /^ {2}--show-passwords {2}show CARP passwords in messages as written/m);
  });
});
