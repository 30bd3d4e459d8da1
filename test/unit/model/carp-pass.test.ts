import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { ifconfigValueForm, nodeSecrets, secretsOf } from '../../../server/src/model/carp-pass';
import { parseDocument } from '../../../server/src/model/document';

/** The document text under each secret span of one file: what the surfaces hide there. */
function hidden(t: TestWorkspace, rel: string): string[] {
  const doc = t.ws.get(t.uri(rel))!;
  return nodeSecrets(t.ws.nodeOf(doc.uri))
    .spans(doc.uri)
    .map((s) => doc.text.slice(s.start, s.end));
}

function rcOnly(text: string): TestWorkspace {
  return workspaceFromFiles({ 'fw1/etc/rc.conf': text });
}

describe('what a CARP pass is (model/carp-pass)', () => {
  test('every spelling the eval accepts is one pass, spanned whole', () => {
    const t = rcOnly(
      [
        'ifconfig_em0="inet 192.0.2.2/24"',
        'ifconfig_em0_alias0="inet vhid 1 pass plainkey alias 192.0.2.10/32"',
        `ifconfig_em0_alias1="inet vhid 2 pass 'Top Secret' alias 192.0.2.11/32"`,
        'ifconfig_em0_alias2="inet vhid 3 pass \\"Dq Secret\\" alias 192.0.2.12/32"',
        'ifconfig_em0_alias3="inet vhid 4 pass Bs\\ Secret alias 192.0.2.13/32"',
        `ifconfig_em0_alias4='inet vhid 5 pass "Sq Dq" alias 192.0.2.14/32'`,
        'ifconfig_em0_alias5="inet vhid 6 pass \\',
        '    contkey alias 192.0.2.15/32"',
        'ifconfig_em0_alias6="inet vhid 7 pass ÄÖÜäöüßÄÖÜäöüß alias 192.0.2.16/32"',
        'ifconfig_em0_alias7="inet vhid 8 pass\ttabkey   alias 192.0.2.17/32"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['plainkey', "'Top Secret'", '\\"Dq Secret\\"', 'Bs\\ Secret', '"Sq Dq"', 'contkey', 'ÄÖÜäöüßÄÖÜäöüß', 'tabkey']);
  });

  test('a `name = value` line (rc/syntax) counts: its writer meant the value', () => {
    const t = rcOnly('ifconfig_carp1 = "vhid 2 pass \'Spaced Key\' 10.20.0.1/24"\nifconfig_carp2 =vhid\\ 3\\ pass\\ \\\ngluedkey\n');
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ["'Spaced Key'", 'gluedkey']);
  });

  test('${VAR} and $VAR: the word and every value the variable gets in the node, across files, are secret', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': 'BASE="b4se"\nCARP_PASS="${BASE}-s3cret"\nifconfig_em0_alias0="inet vhid 1 pass ${CARP_PASS} alias 192.0.2.10/32"\n',
      'fw1/etc/rc.conf.local': 'CARP_PASS=\'rotated\'\nifconfig_em1_alias0="inet vhid 2 pass $CARP_PASS alias 198.51.100.10/32"\nUNRELATED="pass nothing"\n',
      'fw2/etc/rc.conf': 'CARP_PASS="other-node"\n',
    });
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['"b4se"', '"${BASE}-s3cret"', '${CARP_PASS}']);
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf.local'), ["'rotated'", '$CARP_PASS']);
    assert.deepEqual(hidden(t, 'fw2/etc/rc.conf'), [], 'another node uses no pass variable');
    const s = nodeSecrets(t.ws.nodeOf(t.uri('fw1/etc/rc.conf')));
    assert.deepEqual([...s.variables].sort(), ['BASE', 'CARP_PASS']);
    assert.deepEqual(s.sites.map((x) => [x.keyword.text, x.value.written]), [['pass', '${CARP_PASS}'], ['pass', '$CARP_PASS']]);
  });

  test('a variable can carry the keyword, the password, or both', () => {
    const t = rcOnly(
      [
        'KW="vhid 1 pass"',
        'ifconfig_em0_alias0="inet $KW afterkw alias 192.0.2.10/32"',
        'BOTH="pass bothkey"',
        'ifconfig_em0_alias1="inet vhid 2 $BOTH alias 192.0.2.11/32"',
        'LINE="inet vhid 3 pass linekey alias 192.0.2.12/32"',
        'ifconfig_em0_alias2="$LINE"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['afterkw', '"pass bothkey"', '$BOTH', '"inet vhid 3 pass linekey alias 192.0.2.12/32"', '$LINE']);
    assert.deepEqual([...nodeSecrets(t.ws.nodeOf(t.uri('fw1/etc/rc.conf'))).variables].sort(), ['BOTH', 'LINE']);
  });

  test('dead, conditional and exported assignments hold passes too; a cycle of variables ends', () => {
    const t = rcOnly(
      [
        'ifconfig_em0_alias0="inet vhid 1 pass oldkey alias 192.0.2.10/32"',
        'ifconfig_em0_alias0="inet vhid 1 pass newkey alias 192.0.2.10/32"',
        'if true; then ifconfig_em1_alias0="inet vhid 2 pass condkey alias 192.0.2.11/32"; fi',
        'export ifconfig_em2="inet 192.0.2.3/24 vhid 3 pass exportkey"',
        'A="$B"',
        'B="$A"',
        'ifconfig_em3_alias0="inet vhid 4 pass $A alias 192.0.2.13/32"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['oldkey', 'newkey', 'condkey', 'exportkey', '"$B"', '"$A"', '$A']);
  });

  test('only what reaches ifconfig after a pass word: no false masks elsewhere', () => {
    const t = rcOnly(
      [
        'my_note="pass notakey"', // not an ifconfig variable, never expanded into one
        'ifconfig_em0_descr="pass thedescr"', // a description, not ifconfig arguments
        'ifconfig_em0_alias0="inet vhid 1 pass"', // pass with nothing after it
        'ifconfig_em0_alias1="inet vhid 2 pass inet6 2001:db8::1/128"', // _aliasN: network.subr starts a new command at inet6
        'ifconfig_em0_alias2="inet vhid 3 passive alias 192.0.2.12/32"',
        'ifconfig_em1="inet 192.0.2.3/24 vhid 4 pass inet"', // ifconfig_<if> is one command: inet is the pass
        'ipv4_addrs_em2="192.0.2.20/32 192.0.2.21/32"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['inet']);
  });

  test('in ifconfig_<if>, network.subr drops DHCP and `vnet <jail>` before ifconfig: the word after them is a pass too', () => {
    const t = rcOnly('ifconfig_em0="inet 192.0.2.2/24 vhid 1 pass DHCP dhcpkey"\nifconfig_em1="vhid 2 pass vnet jail1 vnetkey up"\n');
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['DHCP', 'dhcpkey', 'vnet', 'vnetkey']);
  });

  test('the obsolete ipv6_ifconfig_<if> variables and ifconfig_DEFAULT are ifconfig values too', () => {
    assert.equal(ifconfigValueForm('ipv6_ifconfig_em0_alias0'), 'single');
    assert.equal(ifconfigValueForm('ifconfig_DEFAULT'), 'primary');
    assert.equal(ifconfigValueForm('ifconfig_em0_descr'), undefined);
    const t = rcOnly('ipv6_ifconfig_em0_alias0="2001:db8::1 vhid 1 pass v6key"\nifconfig_DEFAULT="inet 10.0.0.1/24 vhid 2 pass defkey"\n');
    assert.deepEqual(hidden(t, 'fw1/etc/rc.conf'), ['v6key', 'defkey']);
  });

  test('secretsOf reads a document the workspace holds in another version by its own offsets', () => {
    const t = rcOnly('ifconfig_em0_alias0="inet vhid 1 pass aaa alias 192.0.2.10/32"\n');
    const edited = parseDocument(t.uri('fw1/etc/rc.conf'), 'rc', '# moved down\nifconfig_em0_alias0="inet vhid 1 pass aaa alias 192.0.2.10/32"\n');
    const [span] = secretsOf(edited, t.ws).spans(edited.uri);
    assert.equal(edited.text.slice(span.start, span.end), 'aaa');
    const lone = secretsOf(edited);
    assert.equal(lone.spans(edited.uri).length, 1);
  });
});
