import type { TopologyResult } from '../protocol';
import { displayPath } from './report';
import { shownPass, type TopologyShow } from './topology-text';

/**
 * The topology request's payload in the CLI's terms, as `check --format
 * json` gives its places: node folders and files as paths relative to the
 * current directory, 1-based lines and columns. Each member also gets its
 * `pass`: masked unless --show-passwords, null when the vhid has none.
 */
export function topologyJson(result: TopologyResult, show: TopologyShow): unknown {
  const where = (uri: string): string => displayPath(uri, show.cwd);
  return {
    failed: result.failed.map(where),
    clusters: result.clusters.map((c) => ({
      nodes: c.nodes.map((n) => ({ name: n.name, path: where(n.root), failed: n.failed })),
      groups: c.groups.map((g) => ({
        vhid: g.vhid,
        segment: g.segment,
        addresses: g.addresses,
        master: g.master === null ? null : where(g.master),
        tie: g.tie,
        members: g.members.map((m) => ({
          node: m.node,
          path: where(m.root),
          interface: m.interface,
          vhid: m.vhid,
          advbase: m.advbase,
          advskew: m.advskew,
          skew: m.skew,
          interval: m.interval,
          role: m.role,
          tie: m.tie,
          addresses: m.addresses,
          uncertain: m.uncertain,
          pass: shownPass(m, show),
          location: {
            file: where(m.location.uri),
            line: m.location.range.start.line + 1,
            column: m.location.range.start.character + 1,
            endLine: m.location.range.end.line + 1,
            endColumn: m.location.range.end.character + 1,
          },
        })),
      })),
    })),
  };
}
