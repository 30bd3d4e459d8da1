import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { complete } from '../../../server/src/features/completion';

const pair = loadFixture('features-carp-pair');

/**
 * Completes at the `|` in `text`, put into `rel` of a copy of the fixture
 * workspace (so the node's other files are there too). The marker is
 * removed before parsing.
 */
function completeAt(rel: string, text: string, base: TestWorkspace = pair): CompletionItem[] {
  const at = text.indexOf('|');
  assert.ok(at >= 0, 'no | marker');
  const files: Record<string, string> = {};
  for (const d of base.ws.documents()) files[base.rel(d.uri)] = d.text;
  files[rel] = text.slice(0, at) + text.slice(at + 1);
  const t = workspaceFromFiles(files);
  const doc = t.ws.get(t.uri(rel));
  assert.ok(doc);
  return complete(doc, doc.lines.positionAt(at), t.ws);
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} in ${labels(items).slice(0, 20).join(', ')}`);
  return found;
}

function editOf(i: CompletionItem): [number, number, number, number, string] {
  const e = i.textEdit as TextEdit;
  assert.ok(e && 'range' in e, 'item has a textEdit');
  return [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText];
}

const RC = 'fw1/etc/rc.conf';
const head = pair.ws.get(pair.uri(RC))?.text ?? '';
const lastLine = head.split('\n').length - 1;

describe('completion of CARP keywords in alias values', () => {
  test('after `vhid 1 a` offers advskew, advbase and alias, replacing the `a`', () => {
    const items = completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid 3 a|"\n`);
    for (const l of ['advskew', 'advbase', 'alias', 'pass', 'state', 'peer', 'netmask']) assert.ok(labels(items).includes(l), l);
    assert.ok(!labels(items).includes('vhid'), 'vhid is already there');
    assert.ok(!labels(items).includes('inet'), 'the family keyword only starts a value');
    const advskew = item(items, 'advskew');
    assert.deepEqual(editOf(advskew), [lastLine, 33, lastLine, 34, 'advskew']);
    assert.equal(advskew.kind, CompletionItemKind.Keyword);
    assert.equal(advskew.detail, 'advertisement skew (1/256 s) <0-254>');
    assert.ok((advskew.documentation as MarkupContent).value.includes('Range: 0–254.'));
    assert.equal(advskew.insertTextFormat, undefined, 'plain text, no snippet');
  });

  test('at the start of the value offers inet and inet6 with an empty range at the cursor', () => {
    const items = completeAt(RC, `${head}ifconfig_em2_alias0="|"\n`);
    assert.deepEqual(editOf(item(items, 'inet')), [lastLine, 21, lastLine, 21, 'inet']);
    assert.ok(labels(items).includes('inet6'));
    assert.ok(labels(items).includes('vhid'));
  });

  test('works while the closing quote is not typed yet', () => {
    const items = completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid 3 pass xyz adv|\n`);
    assert.deepEqual(editOf(item(items, 'advbase')), [lastLine, 42, lastLine, 45, 'advbase']);
    assert.ok(!labels(items).includes('pass'));
  });

  test('after state offers the states; after a keyword taking a number offers nothing', () => {
    assert.deepEqual(labels(completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid 3 state |"\n`)), ['backup', 'master', 'init']);
    assert.deepEqual(completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid |"\n`), []);
    assert.deepEqual(completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid 3 pass |"\n`), []);
  });

  test('the middle of an existing alias line replaces the whole word under the cursor', () => {
    const text = head.replace('inet vhid 1 pass', 'inet vhid 1 adv|skew 50 pass');
    const items = completeAt(RC, text);
    assert.deepEqual(editOf(item(items, 'advbase')), [5, 33, 5, 40, 'advbase']);
  });
});

describe('completion of knob names', () => {
  test('a partial name at the start of a line offers catalogue knobs replacing it', () => {
    const items = completeAt(RC, `${head}sshd_en|\n`);
    const i = item(items, 'sshd_enable');
    assert.deepEqual(editOf(i), [lastLine, 0, lastLine, 7, 'sshd_enable']);
    assert.equal(i.detail, 'default "NO"');
    assert.equal(i.kind, CompletionItemKind.Variable);
    const doc = (i.documentation as MarkupContent).value;
    assert.ok(doc.includes('YES starts the OpenSSH daemon sshd(8) at boot.'), doc);
    assert.ok(doc.includes('rc.conf(5)'), doc);
    assert.ok(labels(items).includes('kld_list'), 'documented extras are offered too');
  });

  test('the next free alias of each interface of the node is offered', () => {
    const items = completeAt(RC, `${head}ifconfig_|\n`);
    assert.equal(item(items, 'ifconfig_em0_alias1').detail, 'next free alias of em0');
    assert.ok(labels(items).includes('ifconfig_em2_alias0'));
    assert.ok(!labels(items).includes('ifconfig_em0_alias0'), 'alias0 is taken');
  });

  test('completing on an existing name replaces the whole name', () => {
    const items = completeAt(RC, head.replace('sshd_enable', 'ssh|d_enable'));
    assert.deepEqual(editOf(item(items, 'sshd_enable')), [14, 0, 14, 11, 'sshd_enable']);
  });

  test('sysctl.conf offers the CARP sysctls one can set, not demotion or the counters', () => {
    const items = completeAt('fw1/etc/sysctl.conf', 'net.inet.carp.p|\n');
    assert.deepEqual(labels(items).sort(), [
      'net.inet.carp.allow', 'net.inet.carp.dscp', 'net.inet.carp.ifdown_demotion_factor', 'net.inet.carp.log',
      'net.inet.carp.preempt', 'net.inet.carp.senderr_demotion_factor', 'net.pfsync.carp_demotion_factor',
    ]);
    const preempt = item(items, 'net.inet.carp.preempt');
    assert.deepEqual(editOf(preempt), [0, 0, 0, 15, 'net.inet.carp.preempt']);
    assert.equal(preempt.detail, 'default 0 (0–1)');
  });

  test('loader.conf offers only the CARP loader tunable for net. names, plus its catalogue', () => {
    const items = completeAt('fw1/boot/loader.conf', '# boot\nnet.|\n');
    const carp = labels(items).filter((l) => l.startsWith('net.'));
    assert.deepEqual(carp, ['net.inet.carp.allow']);
    assert.equal(item(items, 'net.inet.carp.allow').detail, 'default 1 (0–1), loader tunable');
    assert.deepEqual(editOf(item(items, 'carp_load')), [1, 0, 1, 4, 'carp_load']);
    assert.ok(labels(items).includes('verbose_loading'));
  });
});

describe('completion of values', () => {
  test('a YES/NO knob offers YES and NO inside the quotes', () => {
    const items = completeAt(RC, `${head}powerd_enable="|"\n`);
    assert.deepEqual(labels(items), ['YES', 'NO']);
    assert.deepEqual(editOf(items[0]), [lastLine, 15, lastLine, 15, 'YES']);
    assert.deepEqual(editOf(completeAt(RC, `${head}powerd_enable="Y|E"\n`)[1]), [lastLine, 15, lastLine, 17, 'NO']);
  });

  test('sendmail_enable also offers NONE', () => {
    assert.deepEqual(labels(completeAt(RC, `${head}sendmail_enable="|"\n`)), ['YES', 'NO', 'NONE']);
  });

  test('pfsync_syncdev offers the interfaces configured in the node, from every rc file', () => {
    const items = completeAt(RC, head.replace('pfsync_syncdev="em2"', 'pfsync_syncdev="|"'));
    assert.deepEqual(labels(items), ['em0', 'em1', 'em2']);
    assert.equal(items[0].detail, 'interface configured in this node');
    const withVlan = completeAt('fw1/etc/rc.conf.local', 'vlans_em1="100"\nnetwork_interfaces="lo0 em0 |"\n');
    assert.deepEqual(labels(withVlan), ['em1', 'em1.100', 'em2'], 'words already listed are not offered again');
  });

  test('loader *_load values and CARP sysctl values', () => {
    assert.deepEqual(labels(completeAt('fw1/boot/loader.conf', 'if_bridge_load="|"\n')), ['YES', 'NO']);
    const log = completeAt('fw1/etc/sysctl.conf', 'net.inet.carp.log=|\n');
    assert.deepEqual(labels(log), ['0', '1', '2']);
    assert.deepEqual(editOf(log[2]), [0, 18, 0, 18, '2']);
    assert.deepEqual(labels(completeAt('fw1/etc/sysctl.conf', 'net.inet.carp.dscp=|\n')), ['56']);
  });

  test('no completion in comments, in a plain value or after the closing quote', () => {
    assert.deepEqual(completeAt(RC, `${head}# sshd_en|\n`), []);
    assert.deepEqual(completeAt(RC, `${head}hostname="fw|"\n`), []);
    assert.deepEqual(completeAt(RC, `${head}powerd_enable="YES"|\n`), []);
    assert.deepEqual(completeAt(RC, `${head}ifconfig_em2_alias0="inet vhid 3"| \n`), []);
  });

  test('a BOM and CRLF line ends do not shift the ranges', () => {
    const first = completeAt('x/etc/rc.conf', '\uFEFFsshd_en|\r\npowerd_enable="YES"\r\n', workspaceFromFiles({}));
    assert.deepEqual(editOf(item(first, 'sshd_enable')), [0, 1, 0, 8, 'sshd_enable']);
    const value = completeAt('x/etc/rc.conf', '\uFEFFhostname="x"\r\npowerd_enable=|\r\n', workspaceFromFiles({}));
    assert.deepEqual(editOf(value[0]), [1, 14, 1, 14, 'YES']);
  });
});
