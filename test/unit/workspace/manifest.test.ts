import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allFindingsFor, FIXTURES, loadFolderAsChecked, rangeOf, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { nodeConfig } from '../../../server/src/model/node-config';
import { clusterOf } from '../../../server/src/checks/registry';
import { DEFAULT_SETTINGS, effectiveSeverity, withManifestSeverity } from '../../../server/src/settings';

const nameOf = (t: TestWorkspace, rel: string): string => nodeConfig(t.ws.nodeOf(t.uri(rel))).name;
const rels = (t: TestWorkspace, uris: readonly { uri: string }[]): string[] => uris.map((d) => t.rel(d.uri));

describe('freebsd-conf.json in the workspace (manifest-cluster, loaded as the server and the CLI load it)', async () => {
  const t = await loadFolderAsChecked(path.join(FIXTURES, 'manifest-cluster'));
  const manifestUri = t.uri('freebsd-conf.json');

  test('the manifest at the root is read, and says nothing wrong', () => {
    assert.deepEqual(t.ws.manifestUris(), [manifestUri]);
    assert.deepEqual(t.ws.manifestFindings(manifestUri), []);
    assert.deepEqual(allFindingsFor(t).map((f) => `${t.rel(f.uri)} ${f.code}`).sort(), [
      'lb1/etc/rc.conf carp/module-not-loaded', // lb1 and lb2 have vhids and no loader.conf (the manifest declares no deviceCarp for them)
      'lb2/etc/rc.conf carp/module-not-loaded',
      'sites/ams/alpha/boot/loader.conf loader/redundant-default', // the manifest turns it off (below)
      'sites/ams/alpha/etc/rc.conf carp/preempt-off-multi-vhid', // the edge pair has vhids on em0 and em1 and preempt on neither node
      'sites/ams/beta/etc/rc.conf carp/preempt-off-multi-vhid',
      'sites/ams/beta/etc/rc.conf rc/duplicate-assignment', // the manifest makes it an error
    ]);
    // lb1 wins vhid 21 and lb2 vhid 22, which the manifest says is meant (activeActive): no carp/split-master.
  });

  test('a name given to a folder replaces the hostname, in the model and in cross-node messages', () => {
    assert.equal(nameOf(t, 'sites/ams/alpha/etc/rc.conf'), 'fw1');
    assert.equal(nameOf(t, 'sites/ams/beta/boot/loader.conf'), 'fw2');
    assert.equal(nameOf(t, 'lb1/etc/rc.conf'), 'lb1', 'a node the manifest does not place keeps its hostname');
    const cluster = clusterOf(t.ws, t.uri('sites/ams/alpha/etc/rc.conf'));
    assert.ok(cluster);
    assert.deepEqual([...new Set(cluster.groups.flatMap((g) => g.members.map((m) => m.node)))].sort(), ['fw1', 'fw2']);
  });

  test('files listed under other names are read with the kind listed, form their node, in the order given', () => {
    const node = t.ws.nodeOf(t.uri('ansible/files/lab3.rc.conf'));
    assert.equal(node.root, t.uri('lab3'), 'a node given by files lives at <name>/ beside the manifest');
    assert.equal(node.name, 'lab3');
    assert.deepEqual(rels(t, node.byKind.rc), ['ansible/files/lab3.rc.conf', 'ansible/files/lab3.rc.local']);
    assert.deepEqual(rels(t, node.byKind.loader), ['ansible/files/lab3.loader']);
    assert.equal(t.ws.get(t.uri('ansible/files/lab3.loader'))?.kind, 'loader');
    // lab3.rc.local is read after lab3.rc.conf, as rc.conf.local after rc.conf.
    assert.equal(nodeConfig(node).rcValue('sshd_enable'), 'YES');
  });

  test('what checks read: nodes by name (placed and matched by their own name), clusters, device carp, reserved vhids', () => {
    const m = t.ws.manifest();
    assert.ok(m);
    assert.equal(m.uri, manifestUri);
    assert.deepEqual(
      [...m.nodes].map(([name, n]) => [name, t.rel(n.root)]).sort(),
      [['fw1', 'sites/ams/alpha'], ['fw2', 'sites/ams/beta'], ['lab3', 'lab3'], ['lb1', 'lb1'], ['lb2', 'lb2']],
    );
    assert.deepEqual(rangeOfPlace(m.nodes.get('fw1')!.at!), [4, 4, 4, 9]);
    assert.deepEqual(
      m.clusters.map((c) => ({ name: c.name, nodes: c.nodes, primary: c.primary, activeActive: c.activeActive })),
      [
        { name: 'ams-edge', nodes: ['fw1', 'fw2'], primary: 'fw1', activeActive: false },
        { name: 'lb', nodes: ['lb1', 'lb2'], primary: undefined, activeActive: true },
      ],
    );
    assert.deepEqual(rangeOfPlace(m.clusters[0].primaryAt!), [9, 54, 9, 59]);
    assert.deepEqual([...m.builtinCarp], ['fw2']);
    assert.deepEqual(m.reservedVhids.map((r) => ({ segment: r.segment, vhids: r.vhids, note: r.note })), [{ segment: '198.51.100.0/24', vhids: [1, 2], note: 'ISP VRRP' }]);
  });

  test('severity: the manifest covers the files below it; a code set in the settings wins over it', () => {
    const fileUri = t.uri('sites/ams/beta/etc/rc.conf');
    const severity = t.ws.manifestSeverity(fileUri);
    assert.deepEqual(severity, { 'loader/redundant-default': 'off', 'rc/duplicate-assignment': 'error' });
    assert.equal(t.ws.manifestSeverity('file:///elsewhere/etc/rc.conf'), undefined);
    const fromManifest = withManifestSeverity(DEFAULT_SETTINGS, severity);
    assert.equal(effectiveSeverity('rc/duplicate-assignment', fromManifest), 'error');
    assert.equal(effectiveSeverity('loader/redundant-default', fromManifest), undefined);
    assert.equal(effectiveSeverity('rc/syntax', fromManifest), 'error', 'a code neither names keeps its default');
    const user = withManifestSeverity({ ...DEFAULT_SETTINGS, severity: { 'rc/duplicate-assignment': 'hint' } }, severity);
    assert.equal(effectiveSeverity('rc/duplicate-assignment', user), 'hint', 'the settings win');
    assert.equal(effectiveSeverity('loader/redundant-default', user), undefined, 'the manifest still sets what the settings leave');
  });
});

/** [line, character, line, character] of a manifest place, 0-based as LSP ranges. */
function rangeOfPlace(p: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): number[] {
  return [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character];
}

describe('names, folders and files that match nothing (manifest-mistakes)', async () => {
  const t = await loadFolderAsChecked(path.join(FIXTURES, 'manifest-mistakes'));
  const found = t.ws.manifestFindings(t.uri('freebsd-conf.json'));
  const at = (code: string, text: RegExp): number[] => {
    const f = found.find((x) => x.code === code && text.test(x.message));
    assert.ok(f, `${code} ${text}: ${found.map((x) => x.message).join(' | ')}`);
    return rangeOf(f);
  };

  test('a folder without config files, with a hint when it is the node\'s etc/', () => {
    assert.deepEqual(at('manifest/unknown-node', /no node in "fw1\/etc": .*"fw1"\)$/), [2, 13, 2, 22]);
    assert.deepEqual(at('manifest/unknown-node', /^no node in "sites\/fw9": no rc\.conf, loader\.conf, sysctl\.conf or pf\.conf was found there$/), [3, 13, 3, 24]);
  });

  test('one folder for two names, one file for two nodes: the later is an error', () => {
    assert.deepEqual(at('manifest/invalid', /^this is the folder of node "twin" too: one folder is one node$/), [5, 13, 5, 18]);
    assert.deepEqual(at('manifest/invalid', /^this file is already listed for node "lab"$/), [7, 35, 7, 51]);
    assert.equal(nodeConfig(t.ws.nodeOf(t.uri('fw2/etc/rc.conf'))).name, 'twin', 'the first name counts');
  });

  test('a listed file that does not exist; the node keeps the others', () => {
    assert.deepEqual(at('manifest/unknown-node', /^"lab\/lab\.rc" was not found \(or could not be read\), so node "lab" is checked without it$/), [6, 30, 6, 42]);
    assert.equal(t.ws.manifest()?.nodes.get('lab')?.root, t.uri('lab'));
  });

  test('a bare name no node goes by, with the nearest name; a name two nodes share', () => {
    assert.deepEqual(at('manifest/unknown-node', /^no node is named "ghost" \(by freebsd-conf\.json, its hostname or its folder\)$/), [8, 4, 8, 11]);
    assert.deepEqual(at('manifest/unknown-node', /^no node is named "fw-1" .*; did you mean "fw1"\?$/), [11, 32, 11, 38]);
    assert.deepEqual(at('manifest/unknown-node', /^"gw" is the name of 2 nodes \(a\/gw, b\/gw\): name each in "nodes" with its folder$/), [12, 22, 12, 26]);
    const m = t.ws.manifest()!;
    assert.equal(m.nodes.has('gw'), false, 'an ambiguous name is left out');
    assert.equal(m.nodes.has('ghost'), false);
    assert.equal(m.builtinCarp.has('ghost'), false, 'device carp on a node that does not exist says nothing');
    assert.equal(m.nodes.get('twin')?.root, t.uri('fw2'), 'a cluster member named by its folder entry');
  });

  test('a misspelt key in a node is a warning, and the node is still placed', () => {
    assert.deepEqual(at('manifest/unknown-key', /^unknown key "devicecarp" in node "lab", ignored; did you mean "deviceCarp"\?$/), [6, 74, 6, 86]);
    assert.equal(t.ws.manifest()?.builtinCarp.has('lab'), false);
  });

  test('exactly these findings, and the rest of the workspace is still checked', () => {
    assert.deepEqual(found.map((f) => f.code), [
      'manifest/unknown-node',
      'manifest/unknown-node',
      'manifest/invalid',
      'manifest/unknown-node',
      'manifest/unknown-key',
      'manifest/invalid',
      'manifest/unknown-node',
      'manifest/unknown-node',
      'manifest/unknown-node',
    ]);
    assert.equal(t.ws.size, 5);
  });
});

describe('a manifest set, changed and removed', () => {
  const files = {
    'hosts/alpha/etc/rc.conf': 'hostname="fw-a"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
    'hosts/beta/etc/rc.conf': 'hostname="fw-b"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\n',
  };

  test('names follow the manifest; cross-node models are rebuilt; a listed file moves into its node', () => {
    const t = workspaceFromFiles(files, 'file:///ws');
    const manifestUri = t.uri('freebsd-conf.json');
    const members = (): string[] => clusterOf(t.ws, t.uri('hosts/alpha/etc/rc.conf'))!.groups[0].members.map((m) => m.node).sort();
    assert.deepEqual(members(), ['fw-a', 'fw-b']);
    const before = t.ws.version();
    const change = t.ws.setManifest(manifestUri, '{"nodes": {"edge1": "hosts/alpha", "edge2": {"folder": "hosts/beta", "files": {"loader": "extra/beta.loader"}}}}');
    assert.deepEqual(change, { placement: true, content: true });
    assert.ok(t.ws.version() > before);
    assert.deepEqual(members(), ['edge1', 'edge2']);
    assert.deepEqual(t.ws.listedFiles(), [[t.uri('extra/beta.loader'), 'loader']]);
    // As the loader then reads it, with the kind listed (its name tells none).
    t.ws.set(t.uri('extra/beta.loader'), t.ws.listedKind(t.uri('extra/beta.loader'))!, 'carp_load="YES"\n');
    assert.equal(t.ws.nodeOf(t.uri('extra/beta.loader')).root, t.uri('hosts/beta'));
    assert.equal(nodeConfig(t.ws.nodeOf(t.uri('hosts/beta/etc/rc.conf'))).carpLoad?.by, 'loader');

    // Whitespace and comments change no content: nothing is rebuilt.
    const v = t.ws.version();
    assert.deepEqual(t.ws.setManifest(manifestUri, '// names\n{"nodes": {"edge1": "hosts/alpha",\n "edge2": {"folder": "hosts/beta", "files": {"loader": "extra/beta.loader"}}}}\n'), { placement: false, content: false });
    assert.equal(t.ws.version(), v);
    // A severity changes content, not placement.
    assert.deepEqual(t.ws.setManifest(manifestUri, '{"nodes": {"edge1": "hosts/alpha", "edge2": {"folder": "hosts/beta", "files": {"loader": "extra/beta.loader"}}}, "severity": {"rc/syntax": "off"}}'), { placement: false, content: true });

    assert.deepEqual(t.ws.removeManifest(manifestUri), { placement: true, content: true });
    assert.deepEqual(members(), ['fw-a', 'fw-b']);
    assert.equal(t.ws.nodeOf(t.uri('extra/beta.loader')).root, t.uri('extra'), 'back where its path puts it');
    assert.equal(t.ws.manifest(), undefined);
  });

  test('a broken manifest still names what it can, and reports the rest', () => {
    const t = workspaceFromFiles({ ...files, 'freebsd-conf.json': '{"nodes": {"edge1": "hosts/alpha", "edge2": 7}' }, 'file:///ws');
    assert.equal(nodeConfig(t.ws.nodeOf(t.uri('hosts/alpha/etc/rc.conf'))).name, 'edge1');
    assert.deepEqual(t.ws.manifestFindings(t.uri('freebsd-conf.json')).map((f) => f.code), ['manifest/invalid', 'manifest/invalid']);
  });
});
