import type { PfDocument } from '../model/document';
import type { PfUnexpectedWord } from '../parsers/pf';
import type { FixProposal } from './types';

/** "Change WORD to KEYWORD": replaces just the misspelt word. */
export function keywordFix(doc: PfDocument, word: Pick<PfUnexpectedWord, 'start' | 'end' | 'text'>, keyword: string, preferred: boolean): FixProposal {
  return {
    title: `Change ${word.text} to ${keyword}`,
    isPreferred: preferred,
    changes: [{ uri: doc.uri, edits: [{ range: doc.lines.range(word.start, word.end), newText: keyword }] }],
  };
}
