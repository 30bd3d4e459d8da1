import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allFindings, loadFixture } from '../../helpers/workspace';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { codeActions } from '../../../server/src/lsp/code-actions';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/settings';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';

const PASSES = ['uplink-vhid1', 'lan-vhid2', 'dmz-carp-key-far-too-long-2024', 'dmz-vhid4'];
const DOCS = 'file:///README.md';

describe('published diagnostics and the showPasswords setting (carp-passwords fixture)', () => {
  const t = loadFixture('carp-passwords');
  const fw1 = t.uri('fw1/etc/rc.conf');
  const findings = allFindings(t).filter((f) => f.uri === fw1);

  test('by default no diagnostic message or related message holds a pass', () => {
    const diags = toDiagnostics(findings, DEFAULT_SETTINGS, DOCS);
    assert.equal(diags.length, 5);
    for (const d of diags) {
      const texts = [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)];
      for (const m of texts) for (const secret of PASSES) assert.ok(!m.includes(secret), m);
    }
    const syntax = diags.find((d) => d.code === 'rc/syntax')!;
    assert.ok(syntax.message.startsWith(`\`ifconfig_carp1 = "vhid 2 pass ${MASKED_PASSWORD} 10.20.0.1/24"\``), syntax.message);
  });

  test('showPasswords: true publishes the messages as written', () => {
    const diags = toDiagnostics(findings, parseSettings({ showPasswords: true }), DOCS);
    const byCode = (code: string): string[] => diags.filter((d) => d.code === code).map((d) => d.message);
    assert.ok(byCode('rc/syntax')[0].startsWith('`ifconfig_carp1 = "vhid 2 pass lan-vhid2 10.20.0.1/24"`'), byCode('rc/syntax')[0]);
    assert.ok(byCode('carp/legacy-carp-interface').some((m) => m.includes('pass uplink-vhid1 alias 203.0.113.10/32')));
    assert.match(byCode('carp/pass-truncated')[0], /^This CARP pass is 30 characters long/);
  });

  test('code-action titles never hold a pass; the edit of the legacy rewrite holds the real one', () => {
    const doc = t.ws.get(fw1)!;
    const diags = toDiagnostics(findings, DEFAULT_SETTINGS, DOCS);
    const actions = codeActions(doc, diags, { documentChanges: false, createFiles: false });
    assert.ok(actions.length > 0);
    for (const a of actions) for (const secret of PASSES) assert.ok(!a.title.includes(secret), a.title);
    const move = actions.find((a) => a.title.startsWith('Move vhid 1'))!;
    const edits = move.edit!.changes![fw1];
    assert.ok(edits.some((e) => e.newText === 'ifconfig_em0_alias0="inet vhid 1 advskew 0 pass uplink-vhid1 alias 203.0.113.10/32"'), JSON.stringify(edits));
  });
});
