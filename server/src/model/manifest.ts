import type { Range } from 'vscode-languageserver-types';

/**
 * `freebsd-conf.json` at the workspace root: what the files alone cannot
 * tell. The types are here so checks can read it through the workspace view;
 * parsing and validation live beside it (manifest-parse.ts), resolving names
 * against the workspace's nodes in manifest-resolve.ts.
 */

/** The file name the manifest is read from, at the root of a workspace folder (or of a CLI PATH). */
export const MANIFEST_FILE = 'freebsd-conf.json';

/** The manifest's file name as a glob (the client's file watcher and document selector). */
export const MANIFEST_GLOB = '**/freebsd-conf.json';

/** Where something is written in a manifest, for related information ("primary declared here"). */
export interface ManifestPlace {
  uri: string;
  range: Range;
}

export interface Manifest {
  /** URI of the manifest file (the first one, when several workspace folders have one). */
  uri: string;
  /**
   * Every node the manifest names and that exists in the workspace: the
   * entries of "nodes" and the names clusters use, name → the node's folder
   * URI. A name that matches no node is not here (the manifest gets a warning).
   */
  nodes: ReadonlyMap<string, { root: string; at?: ManifestPlace }>;
  /** Clusters as the admin intends them. */
  clusters: readonly ManifestCluster[];
  /** Names of nodes whose kernel has CARP built in (`device carp`), so nothing needs to load carp.ko. */
  builtinCarp: ReadonlySet<string>;
  /**
   * Vhids other equipment uses on a segment (an ISP router, VRRP), which no
   * cluster may use there. `segment` is in the canonical `network/prefix`
   * form of `VhidGroup.segment` (`192.0.2.0/24`, `2001:db8::/64`), so the two
   * compare as strings.
   */
  reservedVhids: readonly { segment: string; vhids: readonly number[]; note?: string; at?: ManifestPlace }[];
}

export interface ManifestCluster {
  name: string;
  /** Node names. */
  nodes: readonly string[];
  /** The node meant to be MASTER of every group. */
  primary?: string;
  /** Groups are meant to have different MASTERs (active/active): carp/split-master stays silent. */
  activeActive: boolean;
  /** The cluster's name in the manifest. */
  at?: ManifestPlace;
  /** The `primary` value in the manifest. */
  primaryAt?: ManifestPlace;
}
