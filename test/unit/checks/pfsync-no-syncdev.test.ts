import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('pfsync/no-syncdev', () => {
  test('fw1: pfsync_enable="YES" and no pfsync_syncdev: rc.d/pfsync refuses to start', () => {
    const t = loadFixture('pf-cluster-pfsync-no-syncdev');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'pfsync/no-syncdev', 1);
    assert.deepEqual(rangeOf(f), [4, 0, 4, 19]);
    assert.equal(
      f.message,
      'pfsync is enabled but pfsync_syncdev is not set: rc.d/pfsync refuses to start ("pfsync_syncdev is not set."), so fw1 shares no connection state with its peers and drops every connection it takes over after a failover. Set pfsync_syncdev to the interface of the link between the firewalls (an interface without CARP addresses here: em2).',
    );
    assert.equal(f.fixes, undefined);
    findingsOf(t, 'fw2/etc/rc.conf', 'pfsync/no-syncdev', 0);
  });

  test('an empty pfsync_syncdev is reported where it is emptied, in the file that does it', () => {
    const t = workspaceFromFiles({
      'a/etc/rc.conf': 'pfsync_enable="YES"\npfsync_syncdev="em2"\n',
      'a/etc/rc.conf.local': 'pfsync_syncdev=""\n',
    });
    findingsOf(t, 'a/etc/rc.conf', 'pfsync/no-syncdev', 0);
    const [f] = findingsOf(t, 'a/etc/rc.conf.local', 'pfsync/no-syncdev', 1);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 17]);
    assert.match(f.message, /pfsync_syncdev is empty/);
  });

  test('no finding: pfsync off, a syncdev set (in any of the node\'s files), a conditional or invalid value', () => {
    for (const files of <Record<string, string>[]>[
      { 'a/etc/rc.conf': 'pfsync_enable="NO"\n' },
      { 'a/etc/rc.conf': 'pfsync_enable="YES"\n', 'a/etc/rc.conf.local': 'pfsync_syncdev="em2"\n' },
      { 'a/etc/rc.conf': 'pfsync_enable="YES"\nif [ -e /dev/em2 ]; then pfsync_syncdev="em2"; fi\n' },
      { 'a/etc/rc.conf': 'pfsync_enable="YSE"\n' },
    ]) {
      const t = workspaceFromFiles(files);
      for (const rel of Object.keys(files)) findingsOf(t, rel, 'pfsync/no-syncdev', 0);
    }
  });
});
