import type { LoaderDocument, ParsedDocument } from '../model/document';
import { nodeConfig } from '../model/node-config';
import type { WorkspaceView } from '../model/workspace-view';
import type { LoaderSetting } from '../parsers/loaderconf';
import loaderKnobs from '../data/loader-knobs.json';

/**
 * Shared lookups for the loader checks (not a check itself): the node's
 * other loader settings and the defaults from stand/defaults/loader.conf.
 * A setting is only called dead or redundant when no other line of the
 * node assigns the same name, because loader.conf.local or loader.conf.d
 * may deliberately undo an earlier value.
 */
export interface PlacedLoaderSetting {
  doc: LoaderDocument;
  setting: LoaderSetting;
}

export { isLoaderDefaultsUri as isLoaderDefaults } from '../model/node-config';

/** Every loader setting of the node that holds `doc`, in load order, the defaults file excluded. */
export function nodeLoaderSettings(workspace: WorkspaceView, doc: LoaderDocument): readonly PlacedLoaderSetting[] {
  return nodeConfig(workspace.nodeOf(doc.uri)).loaderSettings;
}

/**
 * The node's other assignments of the same name as `setting` (the same file
 * included). Told apart by file and setting: two files of one text share
 * their parse (workspace/shared-parses.ts), so a loader.conf.local copied
 * from loader.conf holds the very same setting objects.
 */
export function otherAssignments(workspace: WorkspaceView, doc: LoaderDocument, setting: LoaderSetting): PlacedLoaderSetting[] {
  return nodeLoaderSettings(workspace, doc).filter((p) => p.setting.name === setting.name && !(p.setting === setting && p.doc.uri === doc.uri));
}

const DEFAULTS = new Map<string, string>(loaderKnobs.knobs.map((k) => [k.name, k.default]));

/** The value stand/defaults/loader.conf gives a name, or undefined when it sets none. */
export function loaderDefault(name: string): string | undefined {
  return DEFAULTS.get(name);
}

/** What a `*_load` knob is when nobody sets it: YES for the few the defaults load, else NO. */
export function loadDefault(name: string): 'YES' | 'NO' {
  return loaderDefault(name)?.toUpperCase() === 'YES' ? 'YES' : 'NO';
}

/** Narrows a checked document; the registry only runs loader checks on loader documents. */
export function asLoader(doc: ParsedDocument): LoaderDocument | undefined {
  return doc.kind === 'loader' ? doc : undefined;
}
