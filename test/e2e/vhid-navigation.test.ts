import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitForDiagnostics } from './helpers';

// test/fixtures/e2e-cluster: fw1 and fw2 share vhid 1 on em0 (198.51.100.0/24), fw1 with advskew 0, fw2 with 100.
// Other suites may have edited these documents (unsaved) before this one runs, so lines are found by their text.
const FW1_RC = 'fw1/etc/rc.conf';
const FW2_RC = 'fw2/etc/rc.conf';
const VHID1_LINE = 'ifconfig_em0_alias0=';
const REVEAL_GROUP_COMMAND = 'freebsdConf.revealGroup';

/** The vhid number of the `ifconfig_em0_alias0` line of a document, as a position and a one-character range. */
function vhidNumber(doc: vscode.TextDocument): vscode.Range {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.startsWith(VHID1_LINE)) continue;
    const at = text.indexOf('vhid 1 ') + 'vhid '.length;
    assert.ok(at >= 'vhid '.length, `no "vhid 1" on ${text}`);
    return new vscode.Range(line, at, line, at + 1);
  }
  assert.fail(`no ${VHID1_LINE} line in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/**
 * Waits until the server has read fw2 (its diagnostics are published once it
 * is scanned or opened): before that, fw1's vhid has no peer in its workspace.
 */
async function serverKnowsFw2(): Promise<void> {
  await waitForDiagnostics(fixtureUri(FW2_RC), (ds) => ds.length > 0, "fw2's diagnostics (the server has read fw2)");
}

function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

suite('vhid navigation inside a real VS Code', () => {
  test('CodeLens above fw1\'s vhid line: MASTER with fw2 as backup, running the reveal command with the group', async () => {
    const doc = await openFixture(FW1_RC);
    const line = vhidNumber(doc).start.line;
    await serverKnowsFw2();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const lens = (lenses ?? []).find((l) => l.range.start.line === line);
    assert.ok(lens?.command, 'a lens on the vhid 1 line');
    assert.equal(lens.command.title, 'MASTER · backups: fw2 (advskew 100)');
    assert.equal(lens.command.command, REVEAL_GROUP_COMMAND);
    assert.deepEqual(lens.command.arguments, [{ vhid: 1, segment: '198.51.100.0/24' }]);
  });

  test('hover on the vhid number shows the group with both members and their roles, without the pass', async () => {
    const doc = await openFixture(FW1_RC);
    const at = vhidNumber(doc);
    await serverKnowsFw2();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at.start);
    const md = markdownOf(hovers ?? []);
    assert.ok(md.includes('**vhid 1** on `198.51.100.0/24` — CARP group of 2 nodes'), md);
    assert.ok(md.includes('- **MASTER** `fw1` on `em0`: advbase 1, advskew 0, every 1.000 s — this line'), md);
    assert.ok(md.includes('- BACKUP `fw2` on `em0`: advbase 1, advskew 100, every 1.391 s'), md);
    assert.ok(!md.includes('edgeVIPsecret'), 'the pass is never shown');
    const ours = (hovers ?? []).find((h) => markdownOf([h]).includes('CARP group'));
    assert.ok(ours?.range?.isEqual(at), `the hover covers the vhid number, got ${JSON.stringify(ours?.range)}`);
  });

  test('go to definition on the vhid number lists the vhid line of fw1 and of fw2', async () => {
    const doc = await openFixture(FW1_RC);
    const peer = await vscode.workspace.openTextDocument(fixtureUri(FW2_RC));
    const at = vhidNumber(doc);
    await serverKnowsFw2();
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at.start);
    const places = (found ?? []).map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d));
    assert.deepEqual(
      places.map((p) => [vscode.workspace.asRelativePath(p.uri), p.range.start.line, p.range.start.character, p.range.end.character]),
      [
        [vscode.workspace.asRelativePath(doc.uri), at.start.line, at.start.character, at.end.character],
        [vscode.workspace.asRelativePath(peer.uri), vhidNumber(peer).start.line, vhidNumber(peer).start.character, vhidNumber(peer).end.character],
      ],
    );
  });
});
