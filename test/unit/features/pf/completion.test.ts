import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfCompletion } from '../../../../server/src/features/pf';
import { complete } from '../../../../server/src/features/completion';

const MACROS = 'fw1/etc/pf.macros.conf';

/** The fixture with pf.conf's text replaced by `edit(text)` (what the user is typing), cursor at `|`. */
function typing(edit: (text: string) => string, rel = 'fw1/etc/pf.conf') {
  const t = loadFixture('pf-nav-include');
  t.ws.set(t.uri(MACROS), 'pf', fs.readFileSync(path.join(t.dir, MACROS), 'utf8'));
  const before = (t.ws.get(t.uri(rel)) as PfDocument).text;
  const withCursor = edit(before);
  const offset = withCursor.indexOf('|');
  assert.ok(offset >= 0, 'no cursor in the edited text');
  const doc = t.ws.set(t.uri(rel), 'pf', withCursor.slice(0, offset) + withCursor.slice(offset + 1)) as PfDocument;
  return { t, doc, position: doc.lines.positionAt(offset) };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function find(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no ${label} in ${labels(items).join(' ')}`);
  return item;
}

describe('pfCompletion', () => {
  test('after $: every macro of the ruleset, those of the included file too, replacing from the $', () => {
    const { t, doc, position } = typing((s) => `${s}pass in on $e|\n`);
    const items = pfCompletion(doc, position, t.ws);
    assert.deepEqual(labels(items), ['$ext_if', '$int_if', '$sync_if', '$all_ifs', '$icmp_types', '$lan_net', '$web_srv', '$web_ports']);
    const item = find(items, '$all_ifs');
    assert.equal(item.detail, '{ em0 em1 }');
    assert.deepEqual(item.textEdit, { range: { start: { line: 40, character: 11 }, end: { line: 40, character: 13 } }, newText: '$all_ifs' });
  });

  test('after <: the tables, replacing the partial name and a closing >', () => {
    const { t, doc, position } = typing((s) => `${s}block in quick from <b|>\n`);
    const items = pfCompletion(doc, position, t.ws);
    assert.deepEqual(labels(items), ['<bruteforce>', '<rfc1918>']);
    assert.deepEqual(find(items, '<bruteforce>').textEdit, { range: { start: { line: 40, character: 20 }, end: { line: 40, character: 23 } }, newText: '<bruteforce>' });
  });

  test('after on: the node\'s interfaces from rc.conf and pf.conf, then macros', () => {
    const { t, doc, position } = typing((s) => `${s}pass in on |\n`);
    const items = pfCompletion(doc, position, t.ws);
    const interfaces = items.filter((i) => i.sortText?.startsWith('0'));
    assert.deepEqual(labels(interfaces), ['em0', 'em1', 'em2', 'vlan20', 'lo0']);
    assert.equal(find(items, 'em2').detail, 'interface configured in rc.conf');
    assert.equal(find(items, 'vlan20').detail, 'cloned interface (rc.conf)');
    assert.equal(find(items, 'lo0').detail, 'interface used in pf.conf');
    assert.ok(labels(items).includes('$ext_if'));
  });

  test('inside an interface list after on, interfaces are still offered', () => {
    const { t, doc, position } = typing((s) => `${s}pass in on { em0 |\n`);
    assert.ok(labels(pfCompletion(doc, position, t.ws)).includes('em1'));
  });

  test('keywords valid at the cursor, with our explanation', () => {
    const { t, doc, position } = typing((s) => `${s}pass in |\n`);
    const items = pfCompletion(doc, position, t.ws);
    for (const kw of ['log', 'quick', 'on', 'proto', 'from', 'to', 'keep', 'label']) assert.ok(labels(items).includes(kw), kw);
    assert.ok(!labels(items).includes('pass'), 'pass is not valid after pass in');
    assert.ok(!labels(items).includes('em0'), 'no interfaces where none is expected');
    assert.equal(find(items, 'quick').detail, 'Stop evaluating on a match: this rule decides, later rules are not considered.');
  });

  test('set options, partially typed, replace the partial word', () => {
    const { t, doc, position } = typing((s) => s.replace('set limit states 100000\n', 'set limit states 100000\nset sk|\n'));
    const items = pfCompletion(doc, position, t.ws);
    assert.ok(labels(items).includes('block-policy'));
    const skip = find(items, 'skip');
    assert.equal(skip.detail, 'Do not filter at all on these interfaces (typically `lo0`): no rules, no state.');
    assert.deepEqual(skip.textEdit, { range: { start: { line: 17, character: 4 }, end: { line: 17, character: 6 } }, newText: 'skip' });
  });

  test('at the start of a line: statement keywords only, no placeholders', () => {
    const { t, doc, position } = typing((s) => `${s}|\n`);
    const l = labels(pfCompletion(doc, position, t.ws));
    for (const kw of ['pass', 'block', 'match', 'table', 'set', 'anchor', 'include', 'nat', 'rdr', 'scrub', 'antispoof']) assert.ok(l.includes(kw), kw);
    assert.ok(l.every((x) => /^[a-z]/.test(x)), l.join(' '));
  });

  test('in a file included by pf.conf, macros of pf.conf do not derail keyword completion', () => {
    const { t, doc, position } = typing((s) => `${s}pass in on $int_if proto tcp to $ext_if |\n`, MACROS);
    const l = labels(pfCompletion(doc, position, t.ws));
    assert.ok(l.includes('keep') && l.includes('label'), l.join(' '));
    assert.ok(l.includes('$ext_if'), 'macros of the including file are offered');
  });

  test('nothing in comments or quoted strings', () => {
    const { t, doc, position } = typing((s) => `${s}# pass in |\n`);
    assert.deepEqual(pfCompletion(doc, position, t.ws), []);
    const q = typing((s) => `${s}pass in label "web |\n`);
    assert.deepEqual(pfCompletion(q.doc, q.position, q.t.ws), []);
  });

  test('the shared completion entry point delegates pf documents', () => {
    const { t, doc, position } = typing((s) => `${s}pass in on $|\n`);
    assert.deepEqual(complete(doc, position, t.ws), pfCompletion(doc, position, t.ws));
  });
});
