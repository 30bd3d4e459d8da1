import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The local file path of a `file:` URI, or undefined when the URI names
 * nothing this process can open: another scheme (`untitled:`), a host
 * (`file://host/share/...`, a UNC path), an encoded slash (`a%2Fb`) or a
 * malformed escape (`100%`). Node's fileURLToPath throws on each of those,
 * and an editor may send any of them; a document whose URI has no path is
 * still checked on its own, like an untitled one.
 */
export function uriToFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute local path (the inverse of uriToFsPath). */
export function fsPathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}
