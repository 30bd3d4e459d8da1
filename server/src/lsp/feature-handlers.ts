import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis-service';
import type { Lifecycle } from './lifecycle';
import { codeActions, type EditSupport } from './code-actions';
import { hover } from '../features/hover';
import { complete } from '../features/completion';
import { documentSymbols } from '../features/symbols';
import { pfDefinition, pfDocumentLinks, pfFoldingRanges, pfPrepareRename, pfReferences, pfRename, pfSemanticTokens, pfSymbols } from '../features/pf';
import { vhidDefinition, vhidReferences } from '../features/vhid-navigation';
import { vhidCodeLenses } from '../features/vhid-code-lens';
import { workspaceSymbols } from '../features/workspace-symbols';
import type { ParsedDocument, PfDocument } from '../model/document';

/**
 * Binds each editor feature to its pure implementation. Every handler looks
 * the document up in the index (parsed once per change) and answers empty for
 * files the server does not know; each goes through `lifecycle.request`, so
 * none answers after shutdown.
 */
export function registerFeatures(connection: Connection, service: AnalysisService, editSupport: () => EditSupport, lifecycle: Lifecycle): void {
  const doc = (uri: string): ParsedDocument | undefined => service.get(uri);
  const pf = (uri: string): PfDocument | undefined => {
    const d = service.get(uri);
    return d?.kind === 'pf' ? d : undefined;
  };

  connection.onCodeAction(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    return d ? codeActions(d, p.context.diagnostics, editSupport()) : [];
  }));
  connection.onHover(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    return d ? hover(d, p.position, service.workspace, { showPasswords: service.settings.showPasswords }) : null;
  }));
  connection.onCompletion(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    return d ? complete(d, p.position, service.workspace) : [];
  }));
  connection.onDocumentSymbol(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    if (!d) return [];
    // pf symbols need the workspace: macros from included files decide how rules parse.
    return d.kind === 'pf' ? pfSymbols(d, service.workspace) : documentSymbols(d, { showPasswords: service.settings.showPasswords, workspace: service.workspace });
  }));

  // Navigation by document kind: names in pf.conf, a vhid's group in rc.conf.
  connection.onDefinition(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    if (d?.kind === 'pf') return pfDefinition(d, p.position, service.workspace);
    return d?.kind === 'rc' ? vhidDefinition(d, p.position, service.workspace) : [];
  }));
  connection.onReferences(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    if (d?.kind === 'pf') return pfReferences(d, p.position, service.workspace, p.context.includeDeclaration);
    return d?.kind === 'rc' ? vhidReferences(d, p.position, service.workspace) : [];
  }));
  connection.onCodeLens(lifecycle.request((p) => {
    const d = doc(p.textDocument.uri);
    return d && service.settings.codeLens.enable ? vhidCodeLenses(d, service.workspace) : [];
  }));
  connection.onWorkspaceSymbol(lifecycle.request((p) => workspaceSymbols(service.workspace, typeof p.query === 'string' ? p.query : '')));
  connection.onPrepareRename(lifecycle.request((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfPrepareRename(d, p.position, service.workspace) : null;
  }));
  connection.onRenameRequest(lifecycle.request((p) => {
    const d = pf(p.textDocument.uri);
    if (!d) return null;
    const result = pfRename(d, p.position, p.newName, service.workspace);
    if ('error' in result) throw new ResponseError(-32602 /* InvalidParams */, result.error);
    return result;
  }));
  connection.onFoldingRanges(lifecycle.request((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfFoldingRanges(d) : [];
  }));
  connection.onDocumentLinks(lifecycle.request((p) => {
    const d = pf(p.textDocument.uri);
    return d ? pfDocumentLinks(d, service.workspace) : [];
  }));
  connection.languages.semanticTokens.on(lifecycle.request((p) => {
    const d = pf(p.textDocument.uri);
    return { data: d ? pfSemanticTokens(d, service.workspace) : [] };
  }));
}
