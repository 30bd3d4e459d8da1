import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, SOURCE, codeOf, describeDiagnostics, fingerprints, fixtureUri, hasDiagnostic, openFixture,
  ourDiagnostics, quickFixesFor, waitForDiagnostics,
} from './helpers';

// The known mistakes in test/fixtures/e2e-cluster, with 0-based lines and the
// line text, so a fixture edit that moves a line fails with a clear message.
const FW1_RC = 'fw1/etc/rc.conf';
const FW1_RC_EXPECTED = [
  { code: 'rc/duplicate-assignment', line: 10, text: 'defaultrouter="198.51.100.254"' },
  // fw1's loader.conf has if_carp_load, which loads nothing: reported on fw1's first vhid line.
  { code: 'carp/module-not-loaded', line: 14, text: 'ifconfig_em0_alias0="inet vhid 1 advskew 0 pass edgeVIPsecret alias 198.51.100.10/32"' },
  { code: 'rc/invalid-yes-no', line: 20, text: 'pflog_enable="enabled"' },
];
const FW1_LOADER = 'fw1/boot/loader.conf';
const FW1_LOADER_EXPECTED = { code: 'loader/legacy-if-carp', line: 8, text: 'if_carp_load="YES"' };
const FW2_PF = 'fw2/etc/pf.conf';
const FW2_PF_EXPECTED = { code: 'pf/unknown-keyword', line: 10, text: 'pass qiuck on $sync_if proto pfsync keep state (no-sync)' };
const FW2_RC = 'fw2/etc/rc.conf';
const FW2_RC_EXPECTED = { code: 'rc/invalid-yes-no', line: 20, text: 'pfsync_enable="YSE"' };

/**
 * Applies the quick-fix of `code` whose title matches (not the "Ignore ..."
 * suppression-comment fixes every diagnostic also offers) and returns the
 * diagnostics after it.
 */
async function applyQuickFix(doc: vscode.TextDocument, code: string, title: RegExp): Promise<vscode.Diagnostic[]> {
  const before = ourDiagnostics(doc.uri);
  const target = before.find((d) => codeOf(d) === code);
  assert.ok(target, `no ${code} to fix; diagnostics:\n${describeDiagnostics(before)}`);
  const expectedAfter = fingerprints(doc, before.filter((d) => d !== target));

  const fixes = await quickFixesFor(doc.uri, target);
  assert.ok(fixes.some((a) => a.title.startsWith(`Ignore ${code}`)), `no suppression quick-fix for ${code}`);
  const fix = fixes.find((a) => title.test(a.title) && !a.title.startsWith('Ignore '));
  assert.ok(fix, `no quick-fix titled ${title} for ${code}; offered: ${fixes.map((a) => a.title).join(' | ') || '(none)'}`);
  assert.ok(fix.edit, `quick-fix "${fix.title}" carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}" failed`);

  const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === code), `${code} to go away`);
  assert.deepEqual(fingerprints(doc, after), expectedAfter, 'the fix must remove its diagnostic and add none');
  return after;
}

suite('freebsd-conf inside a real VS Code', () => {
  test('opening fw1 rc.conf activates the extension and shows the expected diagnostics', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded from the development path`);
    const doc = await openFixture(FW1_RC);
    assert.equal(doc.languageId, 'rc-conf');

    for (const e of FW1_RC_EXPECTED) assert.equal(doc.lineAt(e.line).text, e.text, `fixture line ${e.line} moved`);

    const diagnostics = await waitForDiagnostics(
      doc.uri, (ds) => FW1_RC_EXPECTED.every((e) => hasDiagnostic(ds, e.code, e.line)), 'the fw1 rc.conf mistakes');
    assert.ok(ext.isActive, 'the extension is active once its server has published');
    assert.deepEqual(
      diagnostics.map((d) => ({ code: codeOf(d), source: d.source, line: d.range.start.line }))
        .sort((a, b) => a.line - b.line),
      FW1_RC_EXPECTED.map((e) => ({ code: e.code, source: SOURCE, line: e.line })),
      `exactly the known mistakes, no false alarm; got:\n${describeDiagnostics(diagnostics)}`,
    );
    const yesNo = diagnostics.find((d) => codeOf(d) === 'rc/invalid-yes-no');
    assert.equal(yesNo?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(yesNo.range).includes('enabled'), true, 'the range covers the bad value');
  });

  test('the duplicate-assignment quick-fix removes the dead line and only its diagnostic', async () => {
    const doc = await openFixture(FW1_RC);
    await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, 'rc/duplicate-assignment', 10), 'rc/duplicate-assignment');
    await applyQuickFix(doc, 'rc/duplicate-assignment', /^Remove .*defaultrouter/);
    const text = doc.getText();
    assert.equal(text.includes('defaultrouter="198.51.100.254"'), false, 'the dead assignment is deleted');
    assert.equal(text.includes('ifconfig_em2="inet 172.16.0.1/30"\ndefaultrouter="198.51.100.1"\n'), true,
      'only that line (with its line break) is deleted');
  });

  test('the invalid-yes-no quick-fix writes YES', async () => {
    const doc = await openFixture(FW1_RC);
    await applyQuickFix(doc, 'rc/invalid-yes-no', /\bYES$/);
    assert.equal(doc.getText().includes('\npflog_enable="YES"\n'), true, `got:\n${doc.getText()}`);
  });

  test('loader.conf opens as loader-conf and reports if_carp_load', async () => {
    const doc = await openFixture(FW1_LOADER);
    assert.equal(doc.languageId, 'loader-conf');
    const e = FW1_LOADER_EXPECTED;
    assert.equal(doc.lineAt(e.line).text, e.text, `fixture line ${e.line} moved`);
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, e.code, e.line), e.code);
    const d = diagnostics.find((x) => codeOf(x) === e.code);
    assert.equal(d?.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('pf.conf opens as pf-conf, and the did-you-mean fix corrects the keyword', async () => {
    const doc = await openFixture(FW2_PF);
    assert.equal(doc.languageId, 'pf-conf');
    const e = FW2_PF_EXPECTED;
    assert.equal(doc.lineAt(e.line).text, e.text, `fixture line ${e.line} moved`);
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, e.code, e.line), e.code);
    assert.deepEqual(diagnostics.map(codeOf), [e.code], `only the typo; got:\n${describeDiagnostics(diagnostics)}`);
    await applyQuickFix(doc, e.code, /quick/);
    assert.equal(doc.lineAt(e.line).text, 'pass quick on $sync_if proto pfsync keep state (no-sync)');
  });

  test('the restart command is in the Command Palette', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (ext?.packageJSON?.contributes?.commands ?? []) as { command: string }[];
    assert.ok(contributed.some((c) => c.command === 'freebsdConf.restartServer'),
      'package.json contributes.commands lists freebsdConf.restartServer');
    assert.ok((await vscode.commands.getCommands(true)).includes('freebsdConf.restartServer'), 'the command is registered');
  });

  test('the restart command brings the server back and diagnostics reappear', async () => {
    const doc = await openFixture(FW2_RC);
    const e = FW2_RC_EXPECTED;
    assert.equal(doc.lineAt(e.line).text, e.text, `fixture line ${e.line} moved`);
    await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, e.code, e.line), e.code);

    // Stopping the old server drops its diagnostics; seeing that proves a real restart.
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => {
      if (ourDiagnostics(doc.uri).length === 0) cleared = true;
    });
    try {
      await vscode.commands.executeCommand('freebsdConf.restartServer');
      await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, e.code, e.line), `${e.code} after the restart`);
    } finally {
      watch.dispose();
    }
    assert.ok(cleared, 'the diagnostics of the stopped server were cleared during the restart');

    // The new server process answers edits too, not just the replay of open documents.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end, '\nntpdate_enable="maybe"\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const added = doc.lineCount - 2;
    assert.equal(doc.lineAt(added).text, 'ntpdate_enable="maybe"');
    await waitForDiagnostics(doc.uri, (ds) => hasDiagnostic(ds, 'rc/invalid-yes-no', added), 'the new edit to be checked');
  });

  test('fixtures under test are inside the workspace copy, never the repository', () => {
    // The harness copies the fixture; tests edit documents and must not touch the source tree.
    assert.equal(fixtureUri(FW1_RC).fsPath.includes('/test/fixtures/'), false);
  });
});
