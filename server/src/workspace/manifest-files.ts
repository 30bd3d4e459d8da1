import * as path from 'node:path';
import { MANIFEST_FILE } from '../model/manifest';
import { ReadRoots } from './read-roots';
import { readConfFile } from './scan';
import { fsPathToUri } from './uri-path';

/**
 * The freebsd-conf.json of the current directory, for a CLI run on single
 * files (pre-commit passes the staged files): their node names, kinds and
 * severities then match a run on the whole repository. Only the file
 * itself is read, as a PATH would be: not through a symbolic link below the
 * current directory, and only a regular file of at most 5 MB.
 */
export async function readCwdManifest(cwd: string): Promise<{ uri: string; text: string } | undefined> {
  const { roots, refused } = await ReadRoots.forCommandLine([MANIFEST_FILE], cwd);
  if (refused.length > 0) return undefined;
  const file = path.join(cwd, MANIFEST_FILE);
  const read = await readConfFile(file, roots);
  return read.ok ? { uri: fsPathToUri(file), text: read.text } : undefined;
}
