import { describe, test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { assertFixResolves, findingsForFile, FIXTURES, loadFolderAsChecked, REPO_ROOT, type TestWorkspace } from '../../helpers/workspace';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { codeActions } from '../../../server/src/lsp/code-actions';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import type { FixProposal } from '../../../server/src/fixes/types';

/**
 * Every quick-fix the server offers, on examples/ and on every test fixture,
 * cross-node findings included, goes through the same path as in the editor
 * (finding → diagnostic → code action → workspace edit), is applied, and the
 * whole workspace is checked again: the finding must be gone and nothing new
 * may appear anywhere. That includes "ignore on this line / in this file",
 * which the server offers for every diagnostic.
 */
const FOLDERS = [path.join(REPO_ROOT, 'examples'), ...fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name))];

/** The edits of a code action as a FixProposal, so the shared helpers can apply them. */
function asProposal(action: CodeAction): FixProposal {
  const changes: FixProposal['changes'] = [];
  const created = new Set<string>();
  for (const c of action.edit?.documentChanges ?? []) {
    if ('kind' in c) {
      if (c.kind === 'create') created.add((c as CreateFile).uri);
      continue;
    }
    const e = c as TextDocumentEdit;
    changes.push({ uri: e.textDocument.uri, create: created.has(e.textDocument.uri), edits: e.edits as FixProposal['changes'][number]['edits'] });
  }
  return { title: action.title, changes };
}

function checkEveryFix(t: TestWorkspace): number {
  let applied = 0;
  for (const doc of [...t.ws.documents()]) {
    for (const f of findingsForFile(t, t.rel(doc.uri)).filter((x) => x.uri === doc.uri)) {
      const diagnostics = toDiagnostics([f], DEFAULT_SETTINGS, 'https://example.invalid/README.md');
      for (const action of codeActions(doc, diagnostics, { documentChanges: true, createFiles: true })) {
        assertFixResolves(t, f, asProposal(action));
        applied++;
      }
    }
  }
  return applied;
}

describe('every quick-fix the server offers removes its finding and adds none', () => {
  for (const dir of FOLDERS) {
    test(path.relative(REPO_ROOT, dir), async () => {
      checkEveryFix(await loadFolderAsChecked(dir));
    });
  }
});
