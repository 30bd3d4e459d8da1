import type { LineIndex } from '../parsers/text';
import type { ConfKind } from './kinds';
import type { ManifestProblem } from './manifest-json';
import type { NodeEntry, ParsedManifest } from './manifest-parse';

/**
 * Which node each file belongs to, as the manifests say: the folders they
 * name and the files they list. This depends on the manifests alone (not on
 * which files exist), so the workspace regroups its nodes only when it
 * changes. Several manifests (one per workspace folder) are combined in the
 * order given; a later one cannot take a name, a folder or a file an earlier
 * one already placed.
 */

/** One manifest file, read and parsed, with how its relative paths become URIs. */
export interface ManifestSource {
  uri: string;
  lines: LineIndex;
  parsed: ParsedManifest;
  /** The URI of a path relative to the manifest's folder ('' is the folder itself), encoded as the workspace encodes file URIs. */
  resolvePath(rel: string): string;
}

/** A node entry with a folder or files: its name is known, and where it lives. */
export interface PlacedNode {
  name: string;
  /** The node's folder: the one named, else `<name>` beside the manifest. */
  root: string;
  source: ManifestSource;
  entry: NodeEntry;
  /** The URIs of its listed files, in the order given. */
  files: string[];
}

export interface PlacedFile {
  root: string;
  kind: ConfKind;
  /** Position in the node's list (from 1): listed files are read in that order. */
  order: number;
}

export interface Placement {
  /** Listed file URI → where it belongs. */
  files: ReadonlyMap<string, PlacedFile>;
  /** Node root → the name the manifest gives it. */
  names: ReadonlyMap<string, string>;
  /** Name → the entry that places it (folder or files given). */
  placed: ReadonlyMap<string, PlacedNode>;
  /** Conflicts between entries, by manifest URI. */
  problems: ReadonlyMap<string, ManifestProblem[]>;
  /** Changes exactly when files, names or roots move: the workspace regroups its nodes then. */
  key: string;
}

export const NO_PLACEMENT: Placement = { files: new Map(), names: new Map(), placed: new Map(), problems: new Map(), key: '' };

export function placeNodes(sources: readonly ManifestSource[]): Placement {
  const files = new Map<string, PlacedFile & { name: string }>();
  const names = new Map<string, string>();
  const placed = new Map<string, PlacedNode>();
  const problems = new Map<string, ManifestProblem[]>();
  const namedIn = new Map<string, string>(); // name → the manifest URI that gave it
  for (const source of sources) {
    const report = (span: { offset: number; length: number }, message: string): void => {
      const list = problems.get(source.uri) ?? [];
      list.push({ code: 'manifest/invalid', offset: span.offset, length: span.length, message });
      problems.set(source.uri, list);
    };
    for (const entry of source.parsed.spec.nodes) {
      const name = entry.name.value;
      const earlier = namedIn.get(name);
      if (earlier !== undefined) {
        report(entry.name, `node "${name}" is also named in ${earlier === source.uri ? 'this file' : earlier}: the first one counts`);
        continue;
      }
      namedIn.set(name, source.uri);
      if (!entry.folder && entry.files.length === 0) continue; // a name only: matched against the nodes' own names
      const root = source.resolvePath(entry.folder?.value ?? name);
      const owner = names.get(root);
      if (owner !== undefined) {
        report(entry.folder ?? entry.name, `this is the folder of node "${owner}" too: one folder is one node`);
        continue;
      }
      names.set(root, name);
      const node: PlacedNode = { name, root, source, entry, files: [] };
      placed.set(name, node);
      entry.files.forEach((f, i) => {
        const uri = source.resolvePath(f.path.value);
        const other = files.get(uri);
        if (other) report(f.path, `this file is already listed for node "${other.name}"`);
        else {
          files.set(uri, { root, kind: f.kind, order: i + 1, name });
          node.files.push(uri);
        }
      });
    }
  }
  const key = JSON.stringify([[...names], [...files].map(([uri, f]) => [uri, f.root, f.kind, f.order])]);
  return { files, names, placed, problems, key };
}
