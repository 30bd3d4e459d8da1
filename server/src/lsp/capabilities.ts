import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver-protocol';

/** What the server offers; a pure function so a test can pin it. */
export function capabilities(): ServerCapabilities {
  return {
    // Incremental: only the changed range travels on each keystroke.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['_', '.', ' ', '"', '='], resolveProvider: false },
    documentSymbolProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
