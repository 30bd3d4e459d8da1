import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver-protocol';
import { PF_SEMANTIC_LEGEND } from '../features/pf';

/** What the server offers; a pure function so a test can pin it. */
export function capabilities(): ServerCapabilities {
  return {
    // Incremental: only the changed range travels on each keystroke.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['_', '.', ' ', '"', '=', '$', '<'], resolveProvider: false },
    documentSymbolProvider: true,
    // pf.conf names (macros, tables, anchors) and, in rc.conf, a CARP vhid's group across nodes.
    definitionProvider: true,
    referencesProvider: true,
    // Above each vhid alias line: its predicted role. Titles follow other nodes' files (workspace/codeLens/refresh).
    codeLensProvider: { resolveProvider: false },
    // Nodes, CARP clusters and vhid groups (Ctrl+T).
    workspaceSymbolProvider: true,
    renameProvider: { prepareProvider: true },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: { tokenTypes: [...PF_SEMANTIC_LEGEND.tokenTypes], tokenModifiers: [...PF_SEMANTIC_LEGEND.tokenModifiers] }, full: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
