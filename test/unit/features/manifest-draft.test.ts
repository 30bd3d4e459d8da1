import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allFindingsFor, FIXTURES, loadFolderAsChecked, type TestWorkspace } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';
import { manifestDraft } from '../../../server/src/features/manifest-draft';
import { topology } from '../../../server/src/features/topology';
import { parseManifest } from '../../../server/src/model/manifest-parse';
import type { Finding } from '../../../server/src/checks/types';

/** The draft for a folder loaded as the server loads it. */
async function draftOf(dir: string): Promise<{ t: TestWorkspace; text: string; nodes: number; clusters: number }> {
  const t = await loadFolderAsChecked(dir);
  return { t, ...manifestDraft(t.ws, t.uri('').replace(/\/$/, '')) };
}

/** A copy of a fixture with `manifest` as its freebsd-conf.json (or none), loaded as the server loads it. */
async function withManifest(fixture: string, manifest: string | undefined): Promise<TestWorkspace> {
  const dir = makeTempDir('fc-draft-');
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  const file = path.join(dir, 'freebsd-conf.json');
  if (manifest === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, manifest);
  return loadFolderAsChecked(dir);
}

/** What is reported on the config files, by file, code, line and message (the manifest's own problems left out). */
const reported = (t: TestWorkspace, list: Finding[]): string[] =>
  list.filter((f) => !f.uri.endsWith('/freebsd-conf.json')).map((f) => `${t.rel(f.uri)}:${f.range.start.line} ${f.code} ${f.message}`).sort();

describe('manifest draft', () => {
  test('a second pair whose derived name is taken gets "-2", never another node\'s name', async () => {
    const dir = makeTempDir('fc-draft-');
    fs.cpSync(path.join(FIXTURES, 'e2e-cluster'), dir, { recursive: true });
    const { text, clusters } = await draftOf(dir);
    assert.equal(clusters, 2);
    assert.match(text, /"fw": \{ "nodes": \["fw1", "fw2"\], "primary": "fw1" \}/);
    assert.match(text, /"fw-2": \{ "nodes": \["fw3", "fw4"\], "primary": "fw3" \}/);
  });

  test('a healthy pair: both nodes by folder, one cluster with the predicted MASTER as primary', async () => {
    const { text, nodes, clusters } = await draftOf(path.join(FIXTURES, 'topology-pair'));
    assert.equal(text, [
      '{',
      "  // Drafted from the 2 nodes and 1 CARP cluster found here. Check the names (every message uses them) and each cluster's primary, the node meant to be MASTER of its vhids.",
      '  "nodes": {',
      '    "fw1": "fw1",',
      '    "fw2": "fw2"',
      '  },',
      '  "clusters": {',
      '    "fw": { "nodes": ["fw1", "fw2"], "primary": "fw1" }',
      '  }',
      '}',
      '',
    ].join('\n'));
    assert.deepEqual([nodes, clusters], [2, 1]);
  });

  test('vhids with different MASTERs, or a tie, get no primary but a comment saying why', async () => {
    const four = await draftOf(path.join(FIXTURES, 'topology-four'));
    assert.match(four.text, /\/\/ the vhids have different MASTERs \(vhid 10: fw1, vhid 20: fw2, vhid 30: fw3\): give "primary", or "activeActive": true if that is meant\n {4}"fw": \{ "nodes": \["fw1", "fw2", "fw3", "fw4"\] \}\n/);
    const tie = await draftOf(path.join(FIXTURES, 'topology-tie'));
    assert.match(tie.text, /\/\/ which node is MASTER of vhid 1 depends on timing[^\n]*\n {4}"fw": \{ "nodes": \["fw1", "fw2"\] \}\n/);
  });

  test('what an existing manifest says that the files cannot is kept: names, listed files, deviceCarp, active/active, reserved vhids', async () => {
    const { text } = await draftOf(path.join(FIXTURES, 'manifest-cluster'));
    assert.match(text, /"lab3": \{ "files": \{ "rc": \["ansible\/files\/lab3.rc.conf", "ansible\/files\/lab3.rc.local"\], "loader": "ansible\/files\/lab3.loader" \} \},/);
    assert.match(text, /"fw1": "sites\/ams\/alpha",/);
    assert.match(text, /"fw2": \{ "folder": "sites\/ams\/beta", "deviceCarp": true \}/);
    assert.match(text, /"lb": \{ "nodes": \["lb1", "lb2"\], "activeActive": true \},/);
    assert.match(text, /"ams-edge": \{ "nodes": \["fw1", "fw2"\], "primary": "fw1" \}/);
    assert.match(text, /"reservedVhids": \[\n {4}\{ "segment": "198.51.100.0\/24", "vhids": \[1, 2\], "note": "ISP VRRP" \}\n {2}\]/);
  });

  test('two nodes with one hostname get distinct names, each resolving to its own folder', async () => {
    const { text } = await draftOf(path.join(FIXTURES, 'manifest-mistakes'));
    assert.match(text, /"gw": "a\/gw",\n {4}"gw-b": "b\/gw",/);
  });

  for (const fixture of ['topology-pair', 'topology-four', 'topology-tie', 'topology-legacy', 'cluster-master', 'manifest-cluster', 'manifest-mistakes', 'e2e-cluster']) {
    test(`${fixture}: the manifest reader accepts the draft whole, its names reach the nodes, and the checks find the same`, async () => {
      const { t: before, text } = await draftOf(path.join(FIXTURES, fixture));
      assert.deepEqual(parseManifest(text).problems, []);
      const after = await withManifest(fixture, text);
      const uri = after.uri('freebsd-conf.json');
      assert.deepEqual(after.ws.manifestFindings(uri).map((f) => `${f.code} ${f.message}`), []);

      const manifest = after.ws.manifest();
      assert.ok(manifest);
      for (const [name, node] of manifest.nodes) assert.ok(after.ws.nodeAt(node.root).byKind.rc.length + after.ws.nodeAt(node.root).byKind.loader.length > 0, `${name} names a node with files`);
      // Every cluster's primary is the MASTER the election predicts for each of its vhids.
      const topo = topology(after.ws);
      for (const c of manifest.clusters) {
        if (!c.primary) continue;
        const root = manifest.nodes.get(c.primary)?.root;
        const cluster = topo.clusters.find((tc) => tc.nodes.some((n) => n.root === root));
        assert.ok(cluster && cluster.groups.every((g) => g.master === root), `${c.name}: ${c.primary} is MASTER of every vhid`);
      }
      // Where there was no manifest, the draft changes nothing the checks report; where there was one, it reports no more than it.
      const was = reported(before, allFindingsFor(before));
      const now = reported(after, allFindingsFor(after));
      if (fs.existsSync(path.join(FIXTURES, fixture, 'freebsd-conf.json'))) assert.deepEqual(now.filter((f) => !was.includes(f)), []);
      else assert.deepEqual(now, was);
    });
  }
});
