import { pfPathCandidates } from '../model/pf-include-paths';
import type { Workspace } from './workspace';
import { readConfFile, type ReadResult } from './scan';
import type { ReadRoots } from './read-roots';
import { uriToFsPath } from './uri-path';

/** pfctl's include depth limit; deeper chains are not followed. */
const MAX_DEPTH = 16;

/** Reads the file at a URI for the include loader. */
export type IncludeReader = (uri: string) => Promise<ReadResult>;

/**
 * Reads the files a pf.conf `include`s (and theirs, depth first) into the
 * workspace as pf documents, so the ruleset is analysed as pfctl loads it.
 * Their names are free-form (`pf.macros`, `tables.conf`), so the scan alone
 * never finds them. Files already in the workspace are left as they are
 * (an open editor buffer wins over the disk). A file that resolves outside
 * the read roots is not opened; the workspace remembers the refusal, so the
 * including line can say why the file was not read (file/outside-root).
 * Returns the URIs it added and those it refused.
 */
export async function loadPfIncludes(ws: Workspace, uri: string, read: IncludeReader): Promise<{ added: string[]; refused: string[] }> {
  const added: string[] = [];
  const refused: string[] = [];
  const visit = async (from: string, depth: number): Promise<void> => {
    const doc = ws.get(from);
    if (doc?.kind !== 'pf' || depth >= MAX_DEPTH) return;
    for (const inc of doc.pf.includes) {
      for (const candidate of pfPathCandidates(ws, from, inc.path.text)) {
        if (ws.get(candidate)) break;
        const result = await read(candidate);
        if (!result.ok) {
          if (result.problem === 'outside' && ws.refuseRead(candidate, result.reason)) refused.push(candidate);
          continue;
        }
        ws.set(candidate, 'pf', result.text);
        added.push(candidate);
        await visit(candidate, depth + 1);
        break;
      }
    }
  };
  await visit(uri, 0);
  return { added, refused };
}

/** An IncludeReader for files on disk inside `roots`. */
export function diskIncludeReader(roots: ReadRoots): IncludeReader {
  return async (uri) => {
    const file = uriToFsPath(uri);
    if (file === undefined) return { ok: false, problem: 'missing', reason: 'not a local file' };
    return readConfFile(file, roots);
  };
}
