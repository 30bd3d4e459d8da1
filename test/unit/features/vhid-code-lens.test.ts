import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { docOf } from '../../helpers/positions';
import { vhidCodeLenses } from '../../../server/src/features/vhid-code-lens';
import { REVEAL_GROUP_COMMAND, type RevealGroupArgs } from '../../../server/src/protocol';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/settings';

const nav = loadFixture('nav-cluster');

/** Each lens as `[line, start, end, title, argument]`. */
function lenses(t: TestWorkspace, rel: string): [number, number, number, string, RevealGroupArgs][] {
  return vhidCodeLenses(docOf(t, rel), t.ws).map((l) => {
    assert.equal(l.command?.command, REVEAL_GROUP_COMMAND);
    assert.equal(l.command.arguments?.length, 1);
    return [l.range.start.line, l.range.start.character, l.range.end.character, l.command.title, l.command.arguments[0] as RevealGroupArgs];
  });
}

const VHID1 = { vhid: 1, segment: '192.0.2.0/24' };
const VHID12 = { vhid: 12, segment: '198.51.100.0/24' };

describe('CodeLens above vhid alias lines', () => {
  test('the MASTER lists its backups in takeover order with their advskew, and a tie it has', () => {
    assert.deepEqual(lenses(nav, 'fw1/etc/rc.conf'), [
      [4, 0, 19, 'MASTER · backups: fw2 (advskew 100), fw3 (advskew 200)', VHID1],
      [7, 0, 19, 'MASTER (tie with fw2)', VHID12],
    ]);
  });

  test('a BACKUP names its MASTER; the lens is on the line that introduces the vhid, in rc.conf.local when that one wins', () => {
    assert.deepEqual(lenses(nav, 'fw2/etc/rc.conf.local'), [[1, 0, 19, 'BACKUP of fw1', VHID1]]);
    // rc.conf's vhid 1 lines are replaced (alias0) or a second line (alias1): no lens there, only the tie.
    assert.deepEqual(lenses(nav, 'fw2/etc/rc.conf'), [[7, 0, 19, 'BACKUP of fw1 (tie: either may be MASTER)', VHID12]]);
  });

  test('an _aliases line that introduces two vhids has one lens for each; a vhid alone says there is no peer', () => {
    assert.deepEqual(lenses(nav, 'fw3/etc/rc.conf'), [
      [4, 0, 20, 'BACKUP of fw1', VHID1],
      [4, 0, 20, 'MASTER · no peer in the workspace', { vhid: 4, segment: '192.0.2.0/24' }],
    ]);
  });

  test('a legacy carpN member is INACTIVE, and its peer has no backup', () => {
    const legacy = loadFixture('topology-legacy');
    assert.deepEqual(lenses(legacy, 'fw1/etc/rc.conf'), [[3, 0, 19, 'MASTER · no backup · inactive: fw2 (carp0)', VHID1_LEGACY]]);
    assert.deepEqual(lenses(legacy, 'fw2/etc/rc.conf'), [[4, 0, 14, 'INACTIVE (carp0 is never created on FreeBSD 10 and later) · MASTER: fw1', VHID1_LEGACY]]);
    const alone = workspaceFromFiles({ 'old/etc/rc.conf': 'cloned_interfaces="carp0"\nifconfig_carp0="vhid 3 pass k 192.0.2.50/24"\n' });
    assert.deepEqual(lenses(alone, 'old/etc/rc.conf'), [[1, 0, 14, 'INACTIVE (carp0 is never created on FreeBSD 10 and later) · no peer in the workspace', { vhid: 3, segment: '192.0.2.0/24' }]]);
  });

  test('a backup\'s advbase is named when it differs from the MASTER\'s, and demotion when it changes the skew', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'n2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advbase 2 pass k alias 192.0.2.1/32"\n',
      'n3/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.4/24"\nifconfig_em0_alias0="inet vhid 1 advskew 10 pass k alias 192.0.2.1/32"\n',
      'n3/etc/sysctl.conf': 'net.inet.carp.demotion=5\n',
    });
    assert.deepEqual(lenses(t, 'n1/etc/rc.conf'), [[1, 0, 19, 'MASTER · backups: n3 (advskew 10, counts as 20), n2 (advbase 2, advskew 0)', VHID1]]);
  });

  test('no lens for a vhid without an address the model can read, nor in files that are not rc.conf', () => {
    const t = workspaceFromFiles({ 'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k"\n' });
    assert.deepEqual(lenses(t, 'n1/etc/rc.conf'), []);
    assert.deepEqual(vhidCodeLenses(docOf(nav, 'fw1/boot/loader.conf'), nav.ws), []);
  });

  test('a lens follows an edit of another node\'s file: the title is computed from the topology as it is now', () => {
    const t = loadFixture('nav-cluster');
    const local = docOf(t, 'fw2/etc/rc.conf.local');
    t.ws.set(local.uri, 'rc', local.text.replace('advskew 100', 'advskew 250'));
    assert.deepEqual(lenses(t, 'fw1/etc/rc.conf')[0][3], 'MASTER · backups: fw3 (advskew 200), fw2 (advskew 250, counts as 240)');
  });
});

const VHID1_LEGACY = { vhid: 1, segment: '192.0.2.0/24' };

describe('freebsdConf.codeLens.enable', () => {
  test('on by default; a boolean turns it off; anything else leaves the default', () => {
    assert.equal(DEFAULT_SETTINGS.codeLens.enable, true);
    assert.equal(parseSettings({ codeLens: { enable: false } }).codeLens.enable, false);
    for (const raw of [{ codeLens: { enable: 'no' } }, { codeLens: false }, { codeLens: null }, {}]) assert.equal(parseSettings(raw).codeLens.enable, true, JSON.stringify(raw));
  });
});
