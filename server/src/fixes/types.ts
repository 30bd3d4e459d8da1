import type { TextEdit } from 'vscode-languageserver-types';

/** Edits to one file. `create` asks for the file to be created first (it may not exist yet). */
export interface FileEdit {
  uri: string;
  create?: boolean;
  edits: TextEdit[];
}

/** One quick-fix: a title and the minimal edits it makes, possibly in several files. */
export interface FixProposal {
  title: string;
  isPreferred?: boolean;
  changes: FileEdit[];
}
