import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/workspace';

const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');

describe('the CLI reports any number of findings, and one file cannot stop the others', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-many-'));
    fs.mkdirSync(path.join(dir, 'fw1/etc'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'fw2/etc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'fw1/etc/sysctl.conf'), 'a\n'.repeat(130_000));
    fs.writeFileSync(path.join(dir, 'fw2/etc/rc.conf'), 'pf_enable="maybe"\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('130,000 malformed sysctl.conf lines: every one reported, the other node too, exit 1', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: dir, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('fw1/etc/sysctl.conf:') && l.includes(' sysctl/syntax ')).length, 130_000);
    assert.ok(lines.some((l) => l.startsWith('fw2/etc/rc.conf:1:11 error rc/invalid-yes-no')));
    assert.match(r.stderr, /2 files checked: 130001 errors/);
  });
});
