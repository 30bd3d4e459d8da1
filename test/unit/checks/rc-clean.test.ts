import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allFindings, loadFixture } from '../../helpers/workspace';

describe('rc checks: no false alarms', () => {
  test('realistic clean configs (router with VLANs, lagg, CARP and ports; CARP backup; laptop) give no rc/* finding', () => {
    const t = loadFixture('rc-clean');
    const rc = allFindings(t).filter((f) => f.code.startsWith('rc/'));
    assert.deepEqual(rc.map((f) => `${t.rel(f.uri)}:${f.range.start.line + 1} ${f.code} ${f.message}`), []);
    assert.equal([...t.ws.documents()].length, 5);
  });

  test('the clean half of the cluster fixture (fw2) gives no rc/* finding', () => {
    const t = loadFixture('rc-cluster');
    const rc = allFindings(t).filter((f) => f.code.startsWith('rc/') && t.rel(f.uri).startsWith('fw2/'));
    assert.deepEqual(rc, []);
  });
});
