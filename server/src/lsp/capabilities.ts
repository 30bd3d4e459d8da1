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
    // The pf.conf navigation features (the other formats have no names to navigate).
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: { tokenTypes: [...PF_SEMANTIC_LEGEND.tokenTypes], tokenModifiers: [...PF_SEMANTIC_LEGEND.tokenModifiers] }, full: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
