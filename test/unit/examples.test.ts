import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadFolderAsChecked, REPO_ROOT } from '../helpers/workspace';
import { findingsFor } from '../../server/src/checks/registry';
import { CODES } from '../../server/src/checks/codes';

/**
 * examples/ is what `npm start` checks and what a new user opens first: the
 * demonstration pair fw1/fw2 shows the mistakes, and gw1/gw2, a healthy pair
 * beside it (IPv4 and IPv6 on one vhid, preempt, pfsync), shows none.
 */
describe('examples/', () => {
  test('the healthy pair gw1/gw2 gets no error and no warning, from any check', async () => {
    const t = await loadFolderAsChecked(path.join(REPO_ROOT, 'examples'));
    const healthy = [...t.ws.documents()].filter((d) => /\/examples\/gw[12]\//.test(d.uri));
    assert.equal(healthy.length, 8);
    for (const doc of healthy) {
      const serious = findingsFor(doc, t.ws).filter((f) => CODES[f.code].severity === 'error' || CODES[f.code].severity === 'warning');
      assert.deepEqual(serious.map((f) => `${t.rel(f.uri)}:${f.range.start.line + 1} ${f.code}`), [], t.rel(doc.uri));
    }
  });
});
