import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfKind } from '../model/kinds';
import type { TopologyMember, TopologyResult } from '../protocol';
import type { Workspace } from '../workspace/workspace';
import { topology } from '../features/topology';
import { nodeConfig } from '../model/node-config';
import { DEFAULT_SETTINGS } from '../settings';
import { fsPathToUri } from '../workspace/uri-path';
import { loadPaths } from './load-paths';
import { count } from './format-text';
import { formatTopologyText, printable } from './topology-text';
import { topologyJson } from './topology-json';
import { formatMermaid } from '../features/topology-mermaid';
import { formatDot } from '../features/topology-dot';

export const TOPOLOGY_FORMATS = ['text', 'json', 'mermaid', 'dot'] as const;
export type TopologyFormat = (typeof TOPOLOGY_FORMATS)[number];

export interface TopologyOptions {
  format: TopologyFormat;
  /** `--fail` values: node names, full hostnames, or node folders. */
  fail: readonly string[];
  kind?: ConfKind;
  showPasswords: boolean;
  paths: readonly string[];
  cwd: string;
}

/**
 * `freebsd-conf topology`: the CARP clusters under the PATHs with the
 * predicted MASTER of each vhid, optionally with nodes failed. Exit status
 * as check's: 2 for bad usage (an unknown --fail node too: the answer would
 * be for a failure that is not there) or a PATH not read, 1 when a vhid
 * group is left without a MASTER, else 0.
 */
export async function runTopology(options: TopologyOptions): Promise<number> {
  const { cwd } = options;
  let internalErrors = 0;
  const internalError = (what: string, error: unknown): void => {
    internalErrors++;
    process.stderr.write(`freebsd-conf: internal error ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const { ws, pathErrors, fileCount } = await loadPaths(options.paths, { cwd, maxFiles: DEFAULT_SETTINGS.maxFiles, kind: options.kind, internalError });

  const given = new Map(options.fail.map((entry) => [nodeEntry(ws, entry, cwd), entry]));
  const passes = new Map<TopologyMember, string | undefined>();
  let result: TopologyResult = { clusters: [], failed: [], unknown: [] };
  try {
    result = topology(ws, [...given.keys()], (out, member) => passes.set(out, member.vhid.pass?.param.value?.text));
  } catch (error) {
    internalError('building the topology', error);
  }
  if (result.unknown.length > 0) {
    const names = [...ws.nodes()].map((n) => printable(nodeConfig(n).name)).sort();
    const known = names.length === 0 ? 'no node was read' : `nodes: ${names.slice(0, 12).join(', ')}${names.length > 12 ? `, and ${names.length - 12} more` : ''}`;
    for (const entry of result.unknown) process.stderr.write(`freebsd-conf: --fail ${printable(given.get(entry) ?? entry)}: no such node under the PATHs (${known})\n`);
    process.stderr.write(pathErrors.map((e) => `freebsd-conf: ${e}\n`).join(''));
    return 2;
  }

  const show = { cwd, showPasswords: options.showPasswords, passOf: (m: TopologyMember) => passes.get(m) };
  const text =
    options.format === 'json' ? JSON.stringify(topologyJson(result, show), null, 2)
    : options.format === 'mermaid' ? formatMermaid(result)
    : options.format === 'dot' ? formatDot(result)
    : formatTopologyText(result, show);
  process.stdout.write(`${text}\n`);

  const groups = result.clusters.flatMap((c) => c.groups);
  const leaderless = groups.filter((g) => g.master === null).length;
  process.stderr.write(`${count(fileCount, 'file')} read: ${count(result.clusters.length, 'CARP cluster')}, ${count(groups.length, 'vhid group')}${leaderless > 0 ? `, ${leaderless} without a MASTER` : ''}\n`);
  process.stderr.write(pathErrors.map((e) => `freebsd-conf: ${e}\n`).join(''));
  if (internalErrors > 0) process.stderr.write(`freebsd-conf: ${count(internalErrors, 'internal error')}: the topology is incomplete\n`);
  if (pathErrors.length > 0 || internalErrors > 0) return 2;
  return leaderless > 0 ? 1 : 0;
}

/** A --fail value that names a node's folder becomes that node's root URI; anything else is matched as a name. */
function nodeEntry(ws: Workspace, entry: string, cwd: string): string {
  const full = path.resolve(cwd, entry);
  try {
    if (!fs.statSync(full).isDirectory()) return entry;
  } catch {
    return entry;
  }
  const uri = fsPathToUri(full);
  return [...ws.nodes()].some((n) => n.root === uri) ? uri : entry;
}
