import type { DocumentLink } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import type { PfWord } from '../../parsers/pf';
import { resolvePfPath } from '../../model/pf-include-paths';

/**
 * Links on the paths of `include "…"` and `load anchor … from "…"`, so
 * Ctrl+click opens the file. The target follows `resolvePfPath`: relative to
 * this file's folder, absolute paths mapped into the node's copy of the
 * machine root when the workspace has the file, else the absolute path itself.
 * Paths that came out of a macro have no place of their own to click, so they
 * get no link.
 */
export function pfDocumentLinks(doc: PfDocument, workspace: WorkspaceView): DocumentLink[] {
  const paths: { word: PfWord; what: string }[] = [
    ...doc.pf.includes.map((i) => ({ word: i.path, what: 'included file' })),
    ...doc.pf.loadAnchors.flatMap((l) => (l.path ? [{ word: l.path, what: `rules of anchor ${l.name?.text ?? ''}`.trim() }] : [])),
  ];
  const out: DocumentLink[] = [];
  for (const { word, what } of paths) {
    if (word.origin || word.text === '') continue;
    const inner = word.quoted && word.end - word.start === word.text.length + 2;
    const start = inner ? word.start + 1 : word.start;
    const end = inner ? word.end - 1 : word.end;
    const target = resolvePfPath(workspace, doc.uri, word.text);
    out.push({ range: doc.lines.range(start, end), target: target.uri, tooltip: `Open the ${what}${target.inWorkspace ? '' : ' (not in the workspace)'}` });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
