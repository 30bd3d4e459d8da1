/**
 * `freebsd-conf.json` at the workspace root: what the files alone cannot
 * tell. The types are here so checks can read it through the workspace view;
 * parsing and validation live beside it (the manifest loader fills these).
 */
export interface Manifest {
  /** URI of the manifest file. */
  uri: string;
  /** Nodes named explicitly: name → the node's folder URI. */
  nodes: ReadonlyMap<string, { root: string }>;
  /** Clusters as the admin intends them. */
  clusters: readonly ManifestCluster[];
  /** Names of nodes whose kernel has CARP built in (`device carp`), so nothing needs to load carp.ko. */
  builtinCarp: ReadonlySet<string>;
  /** Vhids other equipment uses on a segment (an ISP router, VRRP), which no cluster may use there. */
  reservedVhids: readonly { segment: string; vhids: readonly number[]; note?: string }[];
}

export interface ManifestCluster {
  name: string;
  /** Node names. */
  nodes: readonly string[];
  /** The node meant to be MASTER of every group. */
  primary?: string;
  /** Groups are meant to have different MASTERs (active/active): carp/split-master stays silent. */
  activeActive: boolean;
}
