import type { TextEdit } from 'vscode-languageserver-types';
import type { PfDocument } from '../model/document';
import { groupAt, insertAtTop, insertLineAfter } from './pf-edits';
import type { FixProposal } from './types';

/**
 * "Add table <NAME> persist": declares the table in the main ruleset, where
 * tables referenced from inline anchors are found too. The line goes after
 * the last top-level table definition, else after the macros at the head of
 * the file, else above the first statement. Table definitions take no part
 * in pfctl's statement order, so any of these places is valid.
 */
export function addTableFix(doc: PfDocument, name: string, insert: TableInsertion = tableInsertion(doc)): FixProposal {
  return { title: `Add table <${name}> persist`, isPreferred: true, changes: [{ uri: doc.uri, edits: [insert(`table <${name}> persist`)] }] };
}

/** Builds the insertion edit for a line of text; computed once per document and shared by its findings. */
export type TableInsertion = (text: string) => TextEdit;

/** Finds where table lines go in this document (see addTableFix). */
export function tableInsertion(doc: PfDocument): TableInsertion {
  const top = doc.pf.statements;
  let lastTable: (typeof top)[number] | undefined;
  for (const s of top) if (s.type === 'table') lastTable = s;
  if (lastTable) {
    const line = groupAt(doc, lastTable.end).last;
    return (text) => insertLineAfter(doc, line, text);
  }
  let lastMacro: (typeof top)[number] | undefined;
  for (const s of top) {
    if (s.type !== 'macro') break;
    lastMacro = s;
  }
  if (lastMacro) {
    const line = groupAt(doc, lastMacro.end).last;
    return (text) => insertLineAfter(doc, line, text);
  }
  return (text) => insertAtTop(doc, text);
}
