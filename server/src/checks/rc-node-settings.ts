import type { ParsedDocument, RcDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { RcAssignment } from '../parsers/rcconf';

/** /etc/defaults/rc.conf and vendor.conf are FreeBSD's own files: the rc checks leave them alone. */
export function isRcDefaults(uri: string): boolean {
  return /\/defaults\/(rc|vendor)\.conf$/.test(uri);
}

/**
 * True when the value holds an expansion or substitution, so what rc sees is
 * only known at boot; checks about the value skip it rather than guess.
 */
export function hasExpansion(a: RcAssignment): boolean {
  return a.references.length > 0 || a.value.includes('$') || a.value.includes('`');
}

/** `ifconfig_<if>_alias<N>` split into interface variable part and number. */
export function parseAliasName(name: string): { ifVar: string; n: number } | undefined {
  const m = /^ifconfig_(.+)_alias([0-9]+)$/.exec(name);
  return m ? { ifVar: m[1], n: Number(m[2]) } : undefined;
}

/** An assignment together with the document it is in. */
export interface Located {
  doc: RcDocument;
  a: RcAssignment;
}

/**
 * The assignment of each variable that is in force after rc has read all of
 * a node's rc files in FreeBSD's order: the last unconditional one. A name
 * with a conditional assignment after its last unconditional one is left
 * out, since its value depends on something only known at boot.
 */
export function effectiveAssignments(workspace: WorkspaceView, doc: ParsedDocument): Map<string, Located> {
  const result = new Map<string, Located>();
  const uncertain = new Set<string>();
  const files = workspace.nodeOf(doc.uri).byKind.rc.filter((d): d is RcDocument => d.kind === 'rc');
  if (!files.some((d) => d.uri === doc.uri) && doc.kind === 'rc') files.push(doc);
  for (const d of files) {
    if (isRcDefaults(d.uri)) continue;
    for (const a of d.rc.assignments) {
      if (a.conditional) {
        uncertain.add(a.name);
        continue;
      }
      uncertain.delete(a.name);
      result.set(a.name, { doc: d, a });
    }
  }
  for (const name of uncertain) result.delete(name);
  return result;
}
