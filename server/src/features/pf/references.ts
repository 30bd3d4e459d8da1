import type { Location, Position } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import { occurrenceAt, occurrencesOf } from './occurrences';
import { unitsFor } from '../../model/pf-ruleset';

/**
 * Find references for macros, tables and anchors across the whole ruleset:
 * the files this one `include`s and the files that include it. Definitions
 * are listed only when the client asks for them.
 */
export function pfReferences(doc: PfDocument, position: Position, workspace: WorkspaceView, includeDeclaration: boolean): Location[] {
  const units = unitsFor(workspace, doc);
  const at = occurrenceAt(units, doc.uri, doc.lines.offsetAt(position));
  if (!at) return [];
  return occurrencesOf(units, at.kind, at.name)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: o.uri, range: o.doc.lines.range(o.start, o.end) }));
}
