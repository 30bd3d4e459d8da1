import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension id (`publisher.name` from package.json). */
export const EXTENSION_ID = 'freebsd-conf.freebsd-conf';

/** The `source` every diagnostic of ours carries; built-in extensions publish with others. */
export const SOURCE = 'freebsd-conf';

/** How long a test waits for the server before it fails with a clear message. */
export const DIAGNOSTICS_TIMEOUT_MS = 30_000;

/** The URI of a file in the fixture workspace (the harness opens a copy of test/fixtures/e2e-cluster). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness must open the fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a fixture file in an editor, the way a user would, which is what activates the extension. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The diagnostic code as a string, whether VS Code holds it plain or as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics on a document (other sources ignored). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** One line per diagnostic, for assertion messages and the test log. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)} [${d.source}] ${d.message}`)
    .join('\n');
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate`, re-checking on
 * every `onDidChangeDiagnostics` event for that URI rather than sleeping, so
 * the test is as fast as the server and fails with the diagnostics it saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ourDiagnostics(uri);
      if (!predicate(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(
        `timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; ` +
        `diagnostics now:\n${describeDiagnostics(ourDiagnostics(uri))}`,
      ));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** True when `diagnostics` hold one with `code` starting on 0-based `line`. */
export function hasDiagnostic(diagnostics: readonly vscode.Diagnostic[], code: string, line: number): boolean {
  return diagnostics.some((d) => codeOf(d) === code && d.range.start.line === line);
}

/**
 * The quick-fixes VS Code collects for a diagnostic's range, as the light
 * bulb would show them (code actions of kind quickfix). VS Code's
 * `vscode.executeCodeActionProvider` command does not return the actions'
 * `diagnostics`, so tests identify a fix by its title and prove what it is
 * for by applying it; the protocol tests check the attached diagnostics.
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction =>
    'kind' in a && a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/**
 * A diagnostic identity that survives line shifts: its code and the text of
 * the line it starts on. Used to prove a fix "adds no new diagnostic" after
 * an edit that deleted a line above others.
 */
export function fingerprints(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)} @ ${doc.lineAt(d.range.start.line).text}`).sort();
}

/**
 * Resolves once `check` holds, checking now and again on each of `events`;
 * rejects after DIAGNOSTICS_TIMEOUT_MS with `describe()` (what there is
 * instead), so a test waits for the views as fast as they change and never sleeps.
 */
export function whenTrue(events: readonly vscode.Event<unknown>[], check: () => boolean, what: string, describe: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscriptions = events.map((event) => event(poll));
    const timer = setTimeout(() => finish(new Error(`timed out after ${DIAGNOSTICS_TIMEOUT_MS} ms waiting for ${what}; now:\n${describe()}`)), DIAGNOSTICS_TIMEOUT_MS);
    function poll(): void {
      if (check()) finish();
    }
    function finish(error?: Error): void {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve();
    }
    poll();
  });
}
