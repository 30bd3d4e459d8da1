import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('file/encoding', () => {
  const t = workspaceFromFiles({
    'fw1/etc/rc.conf': '\uFEFFhostname="fw1"\nsshd_enable="YES"\n',
    'fw1/boot/loader.conf': '\uFEFFcarp_load="YES"\n',
    'fw2/etc/rc.conf': 'hostname="fw2"\n# caf\uFFFD menu\nsshd_enable="YES"\n',
    'fw2/etc/sysctl.conf': 'net.inet.ip.forwarding=1\n',
  });

  test('a byte-order mark is reported on the first character, in rc.conf and loader.conf', () => {
    const [rc] = findingsOf(t, 'fw1/etc/rc.conf', 'file/encoding', 1);
    assert.deepEqual(rangeOf(rc), [0, 0, 0, 1]);
    assert.match(rc.message, /byte-order mark/);
    findingsOf(t, 'fw1/boot/loader.conf', 'file/encoding', 1);
  });

  test('removing the BOM is a one-character edit that resolves it', () => {
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'file/encoding', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'fw1/etc/rc.conf'), 'hostname="fw1"\nsshd_enable="YES"\n');
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('undecodable bytes (U+FFFD after decoding) are pointed at, without a fix', () => {
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', 'file/encoding', 1);
    assert.deepEqual(rangeOf(f), [1, 5, 1, 6]);
    assert.equal(f.fixes, undefined);
  });

  test('clean files are not reported', () => {
    findingsOf(t, 'fw2/etc/sysctl.conf', 'file/encoding', 0);
  });
});
