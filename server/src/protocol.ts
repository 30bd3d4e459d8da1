import { NotificationType, RequestType, RequestType0, type Location } from 'vscode-languageserver-protocol';

/**
 * The custom messages between the client and the server, in one typed module
 * (the one server file the client imports). Each is a constant next to its
 * payload type, so both sides agree at compile time.
 */

/** What the server has analysed so far. */
export interface WorkspaceStatus {
  /** Files parsed and checked. */
  files: number;
  /** Machines (folders holding etc/rc.conf or a flat rc.conf, loader.conf, ...). */
  nodes: number;
  /** Files found but not analysed (binary, too large), with the reason. */
  skipped: { uri: string; reason: string }[];
  /** Files left out because the workspace has more than freebsdConf.maxFiles. */
  overCap: number;
  /** True once the first scan of the workspace folders has finished. */
  scanned: boolean;
}

/** Sent by the server each time a workspace scan finishes. */
export const ScanFinishedNotification = new NotificationType<WorkspaceStatus>('freebsdConf/scanFinished');

/** Asks the server for its current WorkspaceStatus. */
export const WorkspaceStatusRequest = new RequestType0<WorkspaceStatus, void>('freebsdConf/workspaceStatus');

/** Asks the server for the CARP topology of the workspace, optionally with some nodes failed. */
export interface TopologyParams {
  /**
   * Nodes taken as failed ("what if fw1 goes down"): each a node's root URI,
   * its name (hostname up to the first dot, else its folder), its full
   * hostname or its folder's name. They take part in no election.
   */
  failed?: string[];
}

/**
 * A member's place in an election. FAILED: its node is one of the `failed`
 * asked for. INACTIVE: the vhid is on a legacy carpN interface, which
 * FreeBSD 10 and later never create, so it never takes part.
 */
export type TopologyRole = 'MASTER' | 'BACKUP' | 'FAILED' | 'INACTIVE';

/** One node's side of a vhid. Never carries a password. */
export interface TopologyMember {
  /** The node's name: hostname up to the first dot, else its folder's name. */
  node: string;
  /** URI of the node's folder. */
  root: string;
  /** The parent interface the vhid lives on (`em0`, `em0.100`). */
  interface: string;
  vhid: number;
  advbase: number;
  /** The configured advskew (0 when no line states it). */
  advskew: number;
  /** advskew plus the node's boot-time demotion, clamped to 0-240: what the kernel compares. */
  skew: number;
  /** Seconds between advertisements, advbase + skew/256: the lowest wins the election. */
  interval: number;
  role: TopologyRole;
  /** True for the MASTER and the BACKUPs that advertise exactly as often: which one is MASTER then depends on timing. */
  tie: boolean;
  /** The addresses this member puts on the vhid, canonical and sorted. */
  addresses: string[];
  /** True when the interface also has a value the model cannot read, which may change this vhid's settings. */
  uncertain: boolean;
  /** The alias line that introduces the vhid on this node (its first ifconfig command), for the client to open. */
  location: Location;
}

/** One election: the members that share a vhid number and an address. */
export interface TopologyGroup {
  vhid: number;
  /** The subnet the vhid lives in (`192.0.2.0/24`), or null when no member's interface tells it. */
  segment: string | null;
  /** Every member's addresses, canonical and sorted: the VIPs. */
  addresses: string[];
  /** The root of the predicted MASTER's node, or null when no member is left (every one FAILED or INACTIVE): the VIPs are down. */
  master: string | null;
  /** True when the MASTER cannot be predicted: another member advertises exactly as often. */
  tie: boolean;
  /** MASTER first, then BACKUPs in the order they would take over, then the FAILED and INACTIVE members. */
  members: TopologyMember[];
}

/** A node of a cluster. */
export interface TopologyNode {
  name: string;
  root: string;
  failed: boolean;
}

/** The nodes linked by vhid groups, with their groups. */
export interface TopologyCluster {
  /** Sorted by name. */
  nodes: TopologyNode[];
  /** Sorted by vhid, then segment. */
  groups: TopologyGroup[];
}

export interface TopologyResult {
  /** Every cluster of the workspace (nodes without CARP vhids are in none), in the order of their first node's root. */
  clusters: TopologyCluster[];
  /** The roots of the nodes taken as failed. */
  failed: string[];
  /** The entries of `failed` that name no node of the workspace. */
  unknown: string[];
}

/** Asks for the TopologyResult. */
export const TopologyRequest = new RequestType<TopologyParams | null | undefined, TopologyResult, void>('freebsdConf/topology');

/**
 * Sent by the server when the topology changed: after each workspace scan,
 * and when an edit changes what the topology request (without failed nodes)
 * would answer, members, roles or alias-line locations. At most one every
 * 200 ms; never after shutdown. The client asks again with its own `failed`.
 */
export const TopologyChangedNotification = new NotificationType<TopologyChanged>('freebsdConf/topologyChanged');

export interface TopologyChanged {
  /** Clusters now in the workspace, so a client can tell "none" without asking. */
  clusters: number;
}

/** The diagram languages the topologyText request can write. */
export const TOPOLOGY_TEXT_FORMATS = ['mermaid', 'dot'] as const;
export type TopologyTextFormat = (typeof TOPOLOGY_TEXT_FORMATS)[number];

export interface TopologyTextParams extends TopologyParams {
  format: TopologyTextFormat;
}

/**
 * Asks for the topology (with `failed` nodes taken down) as diagram source,
 * written by the same formatter as `freebsd-conf topology --format`, so an
 * export from the editor and one from CI are the same text. Never carries a
 * password. An unknown format gets InvalidParams.
 */
export const TopologyTextRequest = new RequestType<TopologyTextParams, string, void>('freebsdConf/topologyText');

/** Language ids and the file globs of the four file types, shared with the client's selectors and watchers. */
export { LANGUAGE_IDS, CONF_GLOBS } from './model/kinds';
/** freebsd-conf.json: the client sends its buffer too, so the server sees it as it is edited. */
export { MANIFEST_GLOB } from './model/manifest';

/**
 * The client command a vhid's CodeLens runs: reveal that vhid group in the
 * "CARP Clusters" view. The server names it in the lens; the client
 * registers it. Its one argument is a RevealGroupArgs.
 */
export const REVEAL_GROUP_COMMAND = 'freebsdConf.revealGroup';

/** A vhid group as TopologyGroup names it: its number and segment. */
export interface RevealGroupArgs {
  vhid: number;
  segment: string | null;
}

/**
 * The `source` of every diagnostic the server publishes, so the client can
 * tell ours from other extensions' (lsp/convert.ts publishes with it; a unit
 * test keeps the two equal).
 */
export const DIAGNOSTIC_SOURCE = 'freebsd-conf';

/**
 * Every diagnostic code with its default severity and one-line summary, and
 * the README anchor of its section: the "open the documentation" command
 * lists them without a running server. Pure data (checks/codes.ts imports nothing).
 */
export { CODES, codeAnchor, isCode, type Code } from './checks/codes';

/** What the "Check the whole workspace" command is answered: the scan's status and what it found. */
export interface CheckWorkspaceResult {
  status: WorkspaceStatus;
  /** Our published diagnostics by severity, across every file, after the check. */
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Files with at least one error or warning. */
  filesWithProblems: number;
}

/**
 * Rescans every workspace folder from the disk (files added or deleted while
 * the server was not watching included), re-checks every file and answers
 * once the diagnostics are published. A check asked for while a scan runs
 * waits for it, then scans again: two scans never run side by side.
 */
export const CheckWorkspaceRequest = new RequestType0<CheckWorkspaceResult, void>('freebsdConf/checkWorkspace');

/** Asks for a freebsd-conf.json drafted from the nodes and clusters the server found. */
export interface ManifestDraftParams {
  /** The workspace folder the manifest is for (its root is where it goes); the server's first folder when absent. */
  folder?: string;
}

export interface ManifestDraft {
  /** The manifest's text (JSON with comments, as the server reads it). */
  text: string;
  /** The folder it is for, as the client sent it (or the server's first folder). */
  folder: string;
  /** Nodes and clusters it names. */
  nodes: number;
  clusters: number;
}

/** Answered null when the server has no workspace folder to write a manifest for. */
export const ManifestDraftRequest = new RequestType<ManifestDraftParams | null | undefined, ManifestDraft | null, void>('freebsdConf/manifestDraft');
