import { pfPathCandidates } from '../model/pf-include-paths';
import { fileURLToPath } from 'node:url';
import type { Workspace } from './workspace';
import { readConfFile } from './scan';

/** pfctl's include depth limit; deeper chains are not followed. */
const MAX_DEPTH = 16;

/**
 * Reads the files a pf.conf `include`s (and theirs, depth first) into the
 * workspace as pf documents, so the ruleset is analysed as pfctl loads it.
 * Their names are free-form (`pf.macros`, `tables.conf`), so the scan alone
 * never finds them. Files already in the workspace are left as they are
 * (an open editor buffer wins over the disk). Returns the URIs it added.
 */
export async function loadPfIncludes(ws: Workspace, uri: string, read: (uri: string) => Promise<string | undefined> = readIncludedFile): Promise<string[]> {
  const added: string[] = [];
  const visit = async (from: string, depth: number): Promise<void> => {
    const doc = ws.get(from);
    if (doc?.kind !== 'pf' || depth >= MAX_DEPTH) return;
    for (const inc of doc.pf.includes) {
      for (const candidate of pfPathCandidates(ws, from, inc.path.text)) {
        if (ws.get(candidate)) break;
        const text = await read(candidate);
        if (text === undefined) continue;
        ws.set(candidate, 'pf', text);
        added.push(candidate);
        await visit(candidate, depth + 1);
        break;
      }
    }
  };
  await visit(uri, 0);
  return added;
}

/** Reads an included file from disk; undefined when it is missing, unreadable, binary or too large. */
export async function readIncludedFile(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  const read = await readConfFile(fileURLToPath(uri));
  return read.ok ? read.text : undefined;
}
