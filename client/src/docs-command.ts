import * as vscode from 'vscode';
import { CODES, DIAGNOSTIC_SOURCE, codeAnchor, isCode, type Code } from '../../server/src/protocol';

/** VS Code's built-in Markdown extension, which owns `markdown.showPreview`. */
const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

/**
 * "Open the documentation for a diagnostic code": the code of our
 * diagnostic under the cursor, else one picked from every code. The
 * documentation is the README shipped with the extension, one section per
 * code, the same target as each diagnostic's `codeDescription.href`.
 *
 * It opens in the Markdown preview: VS Code 1.100's `markdown.showPreview`
 * scrolls a preview to the heading a `file:` URI's fragment names
 * (MarkdownPreviewManager.openDynamicPreview → StartingScrollFragment).
 * Where the built-in Markdown extension is disabled, the README opens as
 * text with the section's heading selected.
 */
export function registerDocsCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('freebsdConf.openDocs', async (arg?: unknown) => {
    const found = isCode(arg) ? { code: arg } : (codeAtCursor() ?? (await pickCode()));
    if (!found) return undefined;
    return openDocs(context, found.code, found.href);
  });
}

/** What to open: a code, and the link its diagnostic carries (VS Code keeps `codeDescription.href` as the code's `target`). */
interface DocsTarget {
  code: Code;
  href?: vscode.Uri;
}

/** The code of our diagnostic at the cursor; with several there, the most severe (the first the Problems panel lists). */
function codeAtCursor(): DocsTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(at))
    .sort((a, b) => a.severity - b.severity);
  for (const d of here) {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (isCode(code)) return { code, ...(typeof d.code === 'object' ? { href: d.code.target } : {}) };
  }
  return undefined;
}

async function pickCode(): Promise<DocsTarget | undefined> {
  const items = (Object.keys(CODES) as Code[]).map((code) => ({ label: code, description: CODES[code].severity, detail: CODES[code].summary, code }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'The diagnostic code to read about', matchOnDetail: true });
  return picked && { code: picked.code };
}

/**
 * Opens the code's README section: the diagnostic's own link when it points
 * at a README on disk, else the extension's. Returns the URI opened.
 */
async function openDocs(context: vscode.ExtensionContext, code: Code, href: vscode.Uri | undefined): Promise<vscode.Uri> {
  const target = href?.scheme === 'file' && href.path.endsWith('/README.md') ? href : vscode.Uri.joinPath(context.extensionUri, 'README.md').with({ fragment: codeAnchor(code) });
  const readme = target.with({ fragment: '' });
  // The command is registered once the built-in extension activates, which running it does.
  if (vscode.extensions.getExtension(MARKDOWN_EXTENSION)) {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', target);
      return target;
    } catch {
      // Disabled or broken: the text fallback below still gets the reader there.
    }
  }
  const doc = await vscode.workspace.openTextDocument(readme);
  const heading = doc.getText().split('\n').findIndex((line) => /^#+ /.test(line) && line.includes(`\`${code}\``));
  const line = Math.max(0, heading);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, doc.lineAt(line).text.length) });
  return target;
}
