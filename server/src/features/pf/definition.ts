import type { Location, Position } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import { resolvePfPath } from '../../model/pf-include-paths';
import { occurrenceAt, occurrencesOf, uriOfMacro, type PfOccurrence } from './occurrences';
import { unitsFor } from '../../model/pf-ruleset';

function location(o: PfOccurrence): Location {
  return { uri: o.uri, range: o.doc.lines.range(o.start, o.end) };
}

/**
 * Go to definition in pf.conf: a `$macro` jumps to the definition pfctl
 * expands at that point (in this file or an included one), a `<table>` to its
 * `table <name>` line, an anchor name (`anchor "x"`, `load anchor x from …`)
 * to the inline anchor holding its rules, or else to the file a `load anchor`
 * reads when the workspace has it. Pure: the workspace is only read.
 */
export function pfDefinition(doc: PfDocument, position: Position, workspace: WorkspaceView): Location[] {
  const units = unitsFor(workspace, doc);
  const offset = doc.lines.offsetAt(position);
  const at = occurrenceAt(units, doc.uri, offset);
  if (!at) return [];
  if (at.kind === 'macro' && !at.declaration) {
    // A file shared by several rulesets may see a different definition in each.
    const found: Location[] = [];
    for (const unit of units) {
      const binding = occurrenceAt([unit], doc.uri, offset)?.binding;
      const owner = binding && uriOfMacro([unit], binding);
      if (!binding || !owner || found.some((l) => l.uri === owner.uri && l.range.start.line === owner.doc.lines.positionAt(binding.nameStart).line)) continue;
      found.push({ uri: owner.uri, range: owner.doc.lines.range(binding.nameStart, binding.nameEnd) });
    }
    if (found.length > 0) return found;
  }
  const all = occurrencesOf(units, at.kind, at.name);
  const decls = all.filter((o) => o.declaration).map(location);
  if (decls.length > 0 || at.kind !== 'anchor') return decls;
  const files: Location[] = [];
  for (const unit of units) {
    for (const f of unit.files) {
      for (const l of f.file.loadAnchors) {
        if (l.name?.text !== at.name || !l.path) continue;
        const target = resolvePfPath(workspace, f.uri, l.path.text);
        if (target.inWorkspace && !files.some((x) => x.uri === target.uri)) {
          files.push({ uri: target.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
        }
      }
    }
  }
  return files;
}
