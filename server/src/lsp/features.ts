import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis-service';
import { codeActions, type EditSupport } from './code-actions';
import { hover } from '../features/hover';
import { complete } from '../features/completion';
import { documentSymbols } from '../features/symbols';
import { pfDefinition, pfDocumentLinks, pfFoldingRanges, pfPrepareRename, pfReferences, pfRename, pfSemanticTokens, pfSymbols } from '../features/pf';
import type { ParsedDocument, PfDocument } from '../model/document';

/**
 * Binds each editor feature to its pure implementation. Every handler looks
 * the document up in the index (parsed once per change) and answers empty for
 * files the server does not know.
 */
export function registerFeatures(connection: Connection, service: AnalysisService, editSupport: () => EditSupport): void {
  const doc = (uri: string): ParsedDocument | undefined => service.get(uri);
  const pf = (uri: string): PfDocument | undefined => {
    const d = service.get(uri);
    return d?.kind === 'pf' ? d : undefined;
  };

  connection.onCodeAction((p) => {
    const d = doc(p.textDocument.uri);
    return d ? codeActions(d, p.context.diagnostics, editSupport()) : [];
  });
  connection.onHover((p) => {
    const d = doc(p.textDocument.uri);
    return d ? hover(d, p.position, service.workspace, { showPasswords: service.settings.showPasswords }) : null;
  });
  connection.onCompletion((p) => {
    const d = doc(p.textDocument.uri);
    return d ? complete(d, p.position, service.workspace) : [];
  });
  connection.onDocumentSymbol((p) => {
    const d = doc(p.textDocument.uri);
    if (!d) return [];
    // pf symbols need the workspace: macros from included files decide how rules parse.
    return d.kind === 'pf' ? pfSymbols(d, service.workspace) : documentSymbols(d, { showPasswords: service.settings.showPasswords, workspace: service.workspace });
  });

  connection.onDefinition((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfDefinition(d, p.position, service.workspace) : [];
  });
  connection.onReferences((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfReferences(d, p.position, service.workspace, p.context.includeDeclaration) : [];
  });
  connection.onPrepareRename((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfPrepareRename(d, p.position, service.workspace) : null;
  });
  connection.onRenameRequest((p) => {
    const d = pf(p.textDocument.uri);
    if (!d) return null;
    const result = pfRename(d, p.position, p.newName, service.workspace);
    if ('error' in result) throw new ResponseError(-32602 /* InvalidParams */, result.error);
    return result;
  });
  connection.onFoldingRanges((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfFoldingRanges(d) : [];
  });
  connection.onDocumentLinks((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfDocumentLinks(d, service.workspace) : [];
  });
  connection.languages.semanticTokens.on((p) => {
    const d = pf(p.textDocument.uri);
    return { data: d ? pfSemanticTokens(d, service.workspace) : [] };
  });
}
