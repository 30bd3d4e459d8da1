import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { FixProposal } from '../fixes/types';
import { fileSuppressionFix, suppressionFix } from '../fixes/suppress';
import { SOURCE, type DiagnosticData } from './convert';

/** What the client told us it can apply, from its initialize capabilities. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

/**
 * Quick-fixes for the diagnostics the client sent back: the fixes packed in
 * each diagnostic's data, then "ignore on this line" and "ignore in this file".
 */
export function codeActions(doc: ParsedDocument, diagnostics: readonly Diagnostic[], support: EditSupport): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string') continue;
    const fixes = isData(d.data) ? d.data.fixes : [];
    for (const fix of fixes) {
      const edit = toWorkspaceEdit(fix, support);
      if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred, edit });
    }
    // A finding about the byte-order mark itself (line 1, column 1) cannot be
    // silenced by a comment line: the mark stays before it, so only the file-wide directive is offered.
    const onMark = doc.hadBom && d.range.start.line === 0 && d.range.start.character === 0;
    const suppressions = onMark ? [fileSuppressionFix(doc, d.code)] : [suppressionFix(doc, d.code, d.range.start.line), fileSuppressionFix(doc, d.code)];
    for (const fix of suppressions) {
      const edit = toWorkspaceEdit(fix, support);
      if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
    }
  }
  return actions;
}

/** A WorkspaceEdit the client can apply, or undefined when it needs a file creation the client cannot do. */
export function toWorkspaceEdit(fix: FixProposal, support: EditSupport): WorkspaceEdit | undefined {
  const needsCreate = fix.changes.some((c) => c.create);
  if (needsCreate && !(support.documentChanges && support.createFiles)) return undefined;
  if (support.documentChanges) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const c of fix.changes) {
      if (c.create) documentChanges.push({ kind: 'create', uri: c.uri, options: { ignoreIfExists: true } });
      documentChanges.push({ textDocument: { uri: c.uri, version: null }, edits: c.edits });
    }
    return { documentChanges };
  }
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const c of fix.changes) changes[c.uri] = [...(changes[c.uri] ?? []), ...c.edits];
  return { changes };
}

function isData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && Array.isArray((v as DiagnosticData).fixes);
}
