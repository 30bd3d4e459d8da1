import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { documentClosed, saved, shownInATab, writeThroughEditor } from './editor-helpers';
import { codeOf, describeDiagnostics, fixtureUri, openFixture, ourDiagnostics, quickFixesFor, waitForDiagnostics } from './helpers';

// The DMZ pair of test/fixtures/e2e-cluster, a cluster apart from fw1/fw2:
// fw3 (advskew 0) and fw4 (advskew 100) share vhid 3 (203.0.113.10 on em0),
// but fw4's line lost its pass. A missing pass is an empty key, so the pair
// disagrees on the key (carp/pass-mismatch on both lines) and fw4 also gets
// carp/missing-pass. Lines are found by their text, read from the disk where
// the file is not open: other suites edit the fixture too.
const FW3_RC = 'fw3/etc/rc.conf';
const FW4_RC = 'fw4/etc/rc.conf';
const VHID3_FW3 = 'ifconfig_em0_alias0="inet vhid 3 advskew 0 pass dmzVIPsecret alias 203.0.113.10/32"';
const VHID3_FW4 = 'ifconfig_em0_alias0="inet vhid 3 advskew 100 alias 203.0.113.10/32"';
const PASS = 'dmzVIPsecret';
const SHARE_PASS_FIX = "Use this node's pass on fw4";

/** The file as saved, which is what the server reads for a file no editor has open. */
function diskText(relativePath: string): string {
  return fs.readFileSync(fixtureUri(relativePath).fsPath, 'utf8');
}

/** The 0-based line of `text` in a file on disk. */
function diskLine(relativePath: string, text: string): number {
  const line = diskText(relativePath).split('\n').indexOf(text);
  assert.ok(line >= 0, `${relativePath} has no line ${text}`);
  return line;
}

/** `code@line`, sorted: the identity of a file's diagnostics, to compare whole sets. */
function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort();
}

/** What the fixture's DMZ pair shows while it is as committed: one mismatch per member line, and fw4's missing pass. */
function expectedDmz(): { fw3: string[]; fw4: string[] } {
  const fw3 = diskLine(FW3_RC, VHID3_FW3);
  const fw4 = diskLine(FW4_RC, VHID3_FW4);
  return { fw3: [`carp/pass-mismatch@${fw3}`], fw4: [`carp/missing-pass@${fw4}`, `carp/pass-mismatch@${fw4}`] };
}

/** Waits until both DMZ nodes show exactly their committed findings (with `severity` on the mismatch) and returns them. */
async function dmzFindings(severity = vscode.DiagnosticSeverity.Error): Promise<{ fw3: vscode.Diagnostic[]; fw4: vscode.Diagnostic[] }> {
  const expected = expectedDmz();
  const settled = (want: string[]) => (ds: vscode.Diagnostic[]): boolean =>
    summary(ds).join() === want.join() &&
    ds.filter((d) => codeOf(d) === 'carp/pass-mismatch').every((d) => d.severity === severity);
  const [fw3, fw4] = await Promise.all([
    waitForDiagnostics(fixtureUri(FW3_RC), settled(expected.fw3), `fw3's carp/pass-mismatch (${vscode.DiagnosticSeverity[severity]})`),
    waitForDiagnostics(fixtureUri(FW4_RC), settled(expected.fw4), `fw4's carp/pass-mismatch (${vscode.DiagnosticSeverity[severity]}) and carp/missing-pass`),
  ]);
  return { fw3, fw4 };
}

suite('cross-node checks, fixes, snippets and settings inside a real VS Code', () => {
  test('a pass mismatch shows on both members\' lines, the unopened peer\'s included, each pointing at the other', async () => {
    const fw3 = await openFixture(FW3_RC);
    const fw4Uri = fixtureUri(FW4_RC);
    assert.equal(shownInATab(fw4Uri), false, 'fw4 rc.conf is not open: its diagnostics come from the workspace scan');

    const found = await dmzFindings();
    const fw3Line = fw3.getText().split('\n').indexOf(VHID3_FW3);
    const fw4Line = diskLine(FW4_RC, VHID3_FW4);
    const mismatch3 = found.fw3.find((d) => codeOf(d) === 'carp/pass-mismatch')!;
    const mismatch4 = found.fw4.find((d) => codeOf(d) === 'carp/pass-mismatch')!;

    // fw3's finding sits on its pass and names fw4's line, which has none.
    assert.equal(fw3.getText(mismatch3.range), PASS, 'fw3\'s finding covers its pass');
    assert.deepEqual(
      mismatch3.relatedInformation?.map((r) => [vscode.workspace.asRelativePath(r.location.uri), r.location.range.start.line, VHID3_FW4.slice(r.location.range.start.character, r.location.range.end.character), r.message]),
      [[FW4_RC, fw4Line, 'vhid', 'fw4\'s vhid 3 on em0, without a pass']],
    );
    // fw4's finding (in a file no editor shows) sits on its vhid and names fw3's pass.
    assert.equal(VHID3_FW4.slice(mismatch4.range.start.character, mismatch4.range.end.character), 'vhid');
    assert.deepEqual(
      mismatch4.relatedInformation?.map((r) => [vscode.workspace.asRelativePath(r.location.uri), r.location.range.start.line, VHID3_FW3.slice(r.location.range.start.character, r.location.range.end.character), r.message]),
      [[FW3_RC, fw3Line, PASS, 'fw3\'s pass for vhid 3 on em0']],
    );
    for (const d of [mismatch3, mismatch4]) {
      assert.match(d.message, /split brain/);
      assert.doesNotMatch(d.message, new RegExp(PASS), 'the message masks the pass');
    }
  });

  test('the pass-mismatch quick-fix on fw3 writes the pass into fw4\'s unopened file, and the findings of both go', async () => {
    const fw3 = await openFixture(FW3_RC);
    const fw4Uri = fixtureUri(FW4_RC);
    const fw3Before = fw3.getText();
    const fw4Before = diskText(FW4_RC);
    const { fw3: [mismatch] } = await dmzFindings();

    // With two nodes, only fw4 lacks a key: the fix gives it fw3's, it does not take fw3's away.
    const fixes = await quickFixesFor(fw3.uri, mismatch);
    assert.deepEqual(fixes.map((f) => f.title).filter((t) => !t.startsWith('Ignore ')), [SHARE_PASS_FIX]);
    const fix = fixes.find((f) => f.title === SHARE_PASS_FIX)!;
    assert.ok(fix.edit, `"${fix.title}" carries an edit`);
    assert.deepEqual(fix.edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)), [FW4_RC], 'the fix edits the peer\'s file only');
    assert.equal(shownInATab(fw4Uri), false, 'fw4 rc.conf is not open');

    try {
      const written = saved(fw4Uri);
      written.catch(() => undefined); // awaited below; a failure before that must not leave it unhandled
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}" failed`);
      assert.ok(await vscode.workspace.saveAll(false), 'saving every edited file');
      await written;
      assert.equal(
        diskText(FW4_RC),
        fw4Before.replace(VHID3_FW4, `ifconfig_em0_alias0="inet vhid 3 pass ${PASS} advskew 100 alias 203.0.113.10/32"`),
        'fw4 rc.conf on disk gets fw3\'s pass after its vhid, and nothing else changes',
      );
      assert.equal(fw3.getText(), fw3Before, 'fw3 is left as it was');
      assert.equal(fw3.isDirty, false);

      // One key on both nodes: the mismatch goes from both, fw4's missing pass with it, and nothing new comes.
      const [after3, after4] = await Promise.all([
        waitForDiagnostics(fw3.uri, (ds) => ds.length === 0, 'no diagnostic on fw3'),
        waitForDiagnostics(fw4Uri, (ds) => ds.length === 0, 'no diagnostic on fw4'),
      ]);
      assert.deepEqual([...after3, ...after4], []);
    } finally {
      // Put fw4 back as committed, so the other tests find the mismatch whatever their order.
      await writeThroughEditor(fw4Uri, fw4Before);
    }
    await dmzFindings();
  });

  test('the CARP virtual IP (master) snippet in a new node\'s rc.conf inserts its defaults, which the server checks', async () => {
    const folder = fixtureUri('fw5');
    const uri = fixtureUri('fw5/etc/rc.conf');
    const head = 'hostname="fw5.example.org"\nifconfig_em0="inet 192.0.2.2/24"\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(head));
    try {
      // Opened by the workbench as a user would, not by openTextDocument, whose reference would keep it open after the test.
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new rc.conf is the active editor');
      assert.equal(editor.document.languageId, 'rc-conf');
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);

      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'rc-conf', name: 'CARP virtual IP (master)' });
      const line = 'ifconfig_em0_alias0="inet vhid 1 advskew 0 pass secret alias 192.0.2.1/32"';
      assert.equal(editor.document.getText(), head + line, 'the snippet with its defaults, at the end');

      // fw5 has no loader.conf: the vhid is reported as never coming up, and that is all
      // (em0 is configured, the VIP is in its subnet, vhid 1 shares no segment with another node).
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the snippet to be checked');
      assert.deepEqual(summary(diagnostics), ['carp/module-not-loaded@2'], describeDiagnostics(diagnostics));
      const [notLoaded] = diagnostics;
      assert.equal(editor.document.getText(notLoaded.range), 'vhid 1');
      assert.equal(notLoaded.severity, vscode.DiagnosticSeverity.Error);
      assert.match(notLoaded.message, /^Nothing loads carp\.ko on fw5/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // The file is deleted through a workspace edit, as the Explorer does: VS Code then lets go of its document.
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri, { ignoreIfNotExists: true });
      assert.ok(await vscode.workspace.applyEdit(remove), 'deleting fw5/etc/rc.conf');
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await documentClosed(uri);
    }
    // The node is gone for the server too: the other suites count the fixture's four.
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'fw5 to be forgotten');
    const check = await vscode.commands.executeCommand<CheckWorkspaceResult>('freebsdConf.checkWorkspace');
    assert.equal(check?.status.nodes, 4, 'fw1 to fw4, without fw5');
  });

  test('freebsdConf.severity changes a cross-node code on both nodes, and off removes it from both', async () => {
    await openFixture(FW3_RC);
    await dmzFindings();
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('freebsdConf');
    const before = config().inspect<Record<string, string>>('severity')?.workspaceValue;
    const set = (severity: string): Thenable<void> =>
      config().update('severity', { ...before, 'carp/pass-mismatch': severity }, vscode.ConfigurationTarget.Workspace);
    try {
      await set('information');
      const lowered = await dmzFindings(vscode.DiagnosticSeverity.Information);
      const missingPass = lowered.fw4.find((d) => codeOf(d) === 'carp/missing-pass');
      assert.equal(missingPass?.severity, vscode.DiagnosticSeverity.Warning, 'the other code keeps its severity');

      await set('off');
      const fw4Line = diskLine(FW4_RC, VHID3_FW4);
      const [off3, off4] = await Promise.all([
        waitForDiagnostics(fixtureUri(FW3_RC), (ds) => ds.length === 0, 'carp/pass-mismatch off on fw3'),
        waitForDiagnostics(fixtureUri(FW4_RC), (ds) => !ds.some((d) => codeOf(d) === 'carp/pass-mismatch'), 'carp/pass-mismatch off on fw4'),
      ]);
      assert.deepEqual([summary(off3), summary(off4)], [[], [`carp/missing-pass@${fw4Line}`]], describeDiagnostics(ourDiagnostics(fixtureUri(FW4_RC))));
    } finally {
      await config().update('severity', before, vscode.ConfigurationTarget.Workspace);
    }
    await dmzFindings(vscode.DiagnosticSeverity.Error);
  });
});
