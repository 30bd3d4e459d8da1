import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKS, CLUSTER_CHECKS } from '../../../server/src/checks/registry';
import { isCode } from '../../../server/src/checks/codes';
import { REPO_ROOT } from '../../helpers/workspace';

/**
 * The registry's promise: one check per file, named after its code. A
 * check's `code` is what the editor and the CLI name it by when it fails
 * (internal errors), so it must be its own; mutation testing showed that no
 * test looked at it.
 */
describe('checks/registry', () => {
  const all = [...CHECKS, ...CLUSTER_CHECKS];

  test('every check has a known code of its own', () => {
    for (const check of all) assert.ok(isCode(check.code), `${check.code} is not in checks/codes.ts`);
    assert.equal(new Set(all.map((c) => c.code)).size, all.length, 'two checks share a code');
  });

  test("each check lives in checks/<code>.ts, the code's slash a dash, and is that file's export", () => {
    for (const check of all) {
      const name = check.code.replace('/', '-');
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'server', 'src', 'checks', `${name}.ts`)), `no checks/${name}.ts for ${check.code}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module next to this test's own
      const exported = Object.values(require(`../../../server/src/checks/${name}`) as Record<string, unknown>);
      assert.ok(exported.includes(check), `checks/${name}.ts does not export the check registered as ${check.code}`);
    }
  });
});
