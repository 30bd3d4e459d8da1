import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allFindings, assertFixResolves, FIXTURES, findingsOf, loadFixture, loadFolderAsChecked, rangeOf, workspaceFromFiles } from '../../helpers/workspace';
import { suppressionFix } from '../../../server/src/fixes/suppress';

const CODE = 'file/not-in-a-node';

describe('file/not-in-a-node', async () => {
  const t = await loadFolderAsChecked(path.join(FIXTURES, 'manifest-unplaced'));

  test('a folder with a loader.conf but no rc.conf, read whole: reported once, on its first setting', () => {
    const [f] = findingsOf(t, 'fw2-boot/boot/loader.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 18]);
    assert.equal(
      f.message,
      'The folder fw2-boot holds config files but no etc/rc.conf or rc.conf, so they are checked as a machine of their own, apart from the node they belong to: that node is checked without them, and the cross-node CARP checks do not see them. List them for their node in freebsd-conf.json at the workspace root ("nodes": {"<node>": {"folder": "…", "files": {"loader": "…"}}}), or add the machine\'s rc.conf here.',
    );
    assert.deepEqual(
      allFindings(t).filter((x) => x.code === CODE).map((x) => t.rel(x.uri)),
      ['fw2-boot/boot/loader.conf'],
      'nodes with an rc.conf, and a pf file included from another folder (fw1/etc/pf/macros.conf), are not reported',
    );
  });

  test('"Ignore on this line" resolves it (the finding is on a setting, not on the comment above it)', () => {
    const [f] = findingsOf(t, 'fw2-boot/boot/loader.conf', CODE, 1);
    assertFixResolves(t, f, suppressionFix(t.ws.get(f.uri)!, CODE, f.range.start.line));
  });

  test('named in freebsd-conf.json, with its node or as a node of its own: not reported', () => {
    const files = {
      'fw2/etc/rc.conf': 'hostname="fw2"\n',
      'fw2-boot/boot/loader.conf': '# fw2\ncarp_load="YES"\n',
    };
    const placed = workspaceFromFiles({ ...files, 'freebsd-conf.json': '{"nodes": {"fw2": {"folder": "fw2", "files": {"loader": "fw2-boot/boot/loader.conf"}}}}' }, 'file:///ws', { readWhole: true });
    findingsOf(placed, 'fw2-boot/boot/loader.conf', CODE, 0);
    assert.equal(placed.ws.nodeOf(placed.uri('fw2-boot/boot/loader.conf')).root, placed.uri('fw2'));
    const ownNode = workspaceFromFiles({ ...files, 'freebsd-conf.json': '{"nodes": {"bootbox": "fw2-boot"}}' }, 'file:///ws', { readWhole: true });
    findingsOf(ownNode, 'fw2-boot/boot/loader.conf', CODE, 0);
    const byFolderName = workspaceFromFiles({ ...files, 'freebsd-conf.json': '{"nodes": {"fw2-boot": {"deviceCarp": true}}}' }, 'file:///ws', { readWhole: true });
    findingsOf(byFolderName, 'fw2-boot/boot/loader.conf', CODE, 0);
    const without = workspaceFromFiles(files, 'file:///ws', { readWhole: true });
    findingsOf(without, 'fw2-boot/boot/loader.conf', CODE, 1);
  });

  test('files checked one by one (pre-commit passes the staged files): not reported, the rc.conf may be on disk', () => {
    findingsOf(loadFixture('manifest-unplaced'), 'fw2-boot/boot/loader.conf', CODE, 0);
    findingsOf(workspaceFromFiles({ 'fw2/etc/rc.conf': 'hostname="fw2"\n', 'fw2-boot/boot/loader.conf': 'carp_load="YES"\n' }), 'fw2-boot/boot/loader.conf', CODE, 0);
  });

  test('a workspace without any rc.conf (pf rulesets alone) is not a cluster: nothing is reported', () => {
    const pfOnly = workspaceFromFiles({ 'edge/pf.conf': 'pass all\n', 'core/pf.conf': 'block all\n' }, 'file:///ws', { readWhole: true });
    findingsOf(pfOnly, 'edge/pf.conf', CODE, 0);
    findingsOf(pfOnly, 'core/pf.conf', CODE, 0);
  });

  test('flat rc.conf and etc/rc.conf both make a node; rc.conf.local alone does not', () => {
    const ws = workspaceFromFiles(
      {
        'flat/rc.conf': 'hostname="flat"\n',
        'flat/loader.conf': 'carp_load="YES"\n',
        'local-only/etc/rc.conf.local': '\n# only the local overrides were copied\nsshd_enable="YES"\n',
      },
      'file:///ws',
      { readWhole: true },
    );
    findingsOf(ws, 'flat/loader.conf', CODE, 0);
    const [f] = findingsOf(ws, 'local-only/etc/rc.conf.local', CODE, 1);
    assert.deepEqual(rangeOf(f), [2, 0, 2, 17]);
  });

  test('a file of comments only: the finding goes on its last comment, so "Ignore on this line" still works', () => {
    const ws = workspaceFromFiles({ 'fw1/etc/rc.conf': 'hostname="fw1"\n', 'spare/sysctl.conf': '# nothing yet\n# net.inet.carp.preempt=1\n\n' }, 'file:///ws', { readWhole: true });
    const [f] = findingsOf(ws, 'spare/sysctl.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 25]);
    assertFixResolves(ws, f, suppressionFix(ws.ws.get(f.uri)!, CODE, f.range.start.line));
  });
});
