import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('file/crlf', () => {
  const t = workspaceFromFiles({
    'fw1/etc/rc.conf': '# fw1, edited on a Windows laptop\r\nhostname="fw1"\r\nsshd_enable="YES"\r\n',
    'fw1/boot/loader.conf': 'carp_load="YES"\r\n',
    'fw2/etc/rc.conf': 'hostname="fw2"\nsshd_enable="YES"\n',
  });

  test('reports the first CRLF line of an rc.conf once, with the count', () => {
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'file/crlf', 1);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 33]);
    assert.match(f.message, /3 lines ending in CR/);
  });

  test('loader.conf and LF files are not reported', () => {
    findingsOf(t, 'fw1/boot/loader.conf', 'file/crlf', 0);
    findingsOf(t, 'fw2/etc/rc.conf', 'file/crlf', 0);
  });

  test('the fix removes every carriage return and nothing else', () => {
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'file/crlf', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'fw1/etc/rc.conf'), '# fw1, edited on a Windows laptop\nhostname="fw1"\nsshd_enable="YES"\n');
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('a lone CR (old Mac line end) becomes LF instead of joining lines', () => {
    const mac = workspaceFromFiles({ 'fw3/etc/rc.conf': 'hostname="fw3"\rsshd_enable="YES"\r' });
    const [f] = findingsOf(mac, 'fw3/etc/rc.conf', 'file/crlf', 1);
    assert.equal(textAfterFix(mac, f.fixes![0], 'fw3/etc/rc.conf'), 'hostname="fw3"\nsshd_enable="YES"\n');
  });
});
