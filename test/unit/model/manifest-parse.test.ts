import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/model/manifest-parse';
import { LineIndex } from '../../../server/src/parsers/text';

/** Each problem as `line:col-line:col code message` (1-based, as an editor shows it), with the text it covers. */
function problems(text: string): string[] {
  const lines = new LineIndex(text);
  return parseManifest(text).problems.map((p) => {
    const r = lines.range(p.offset, p.offset + p.length);
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${p.code} ${p.message}`;
  });
}

/** The spec without positions, for comparing what was read. */
function spec(text: string): unknown {
  return JSON.parse(JSON.stringify(parseManifest(text).spec, (k, v: unknown) => (k === 'offset' || k === 'length' ? undefined : v)));
}

describe('parseManifest: what each key says', () => {
  test('nodes: a folder, a folder with deviceCarp, files by kind (a list in order), a bare name', () => {
    const text = `{
  // JSON with comments and trailing commas, as settings.json
  "nodes": {
    "fw1": "sites/ams/fw1",
    "fw2": { "folder": "./sites//ams/fw2/", "deviceCarp": true },
    "lab3": { "files": { "rc": ["ansible/lab3.rc.conf", "ansible/lab3.rc.local"], "loader": "ansible/lab3.loader", "sysctl": "s/sysctl.conf", "pf": "p/lab3.pf" } },
    "fw4": { "deviceCarp": false },
    "root": ".",
  },
}`;
    assert.deepEqual(problems(text), []);
    assert.deepEqual((spec(text) as { nodes: unknown }).nodes, [
      { name: { value: 'fw1' }, folder: { value: 'sites/ams/fw1' }, files: [], deviceCarp: false },
      { name: { value: 'fw2' }, folder: { value: 'sites/ams/fw2' }, files: [], deviceCarp: true },
      {
        name: { value: 'lab3' },
        files: [
          { path: { value: 'ansible/lab3.rc.conf' }, kind: 'rc' },
          { path: { value: 'ansible/lab3.rc.local' }, kind: 'rc' },
          { path: { value: 'ansible/lab3.loader' }, kind: 'loader' },
          { path: { value: 's/sysctl.conf' }, kind: 'sysctl' },
          { path: { value: 'p/lab3.pf' }, kind: 'pf' },
        ],
        deviceCarp: false,
      },
      { name: { value: 'fw4' }, files: [], deviceCarp: false },
      { name: { value: 'root' }, folder: { value: '' }, files: [], deviceCarp: false },
    ]);
  });

  test('clusters: nodes, primary, activeActive', () => {
    const text = '{"clusters": {"edge": {"nodes": ["fw1", "fw2"], "primary": "fw1"}, "lb": {"nodes": ["lb1", "lb2", "lb3"], "activeActive": true}}}';
    assert.deepEqual(problems(text), []);
    assert.deepEqual((spec(text) as { clusters: unknown }).clusters, [
      { name: { value: 'edge' }, nodes: [{ value: 'fw1' }, { value: 'fw2' }], activeActive: false, primary: { value: 'fw1' } },
      { name: { value: 'lb' }, nodes: [{ value: 'lb1' }, { value: 'lb2' }, { value: 'lb3' }], activeActive: true },
    ]);
  });

  test('reservedVhids: segments in the canonical network/prefix form, vhids sorted once each, the note', () => {
    const text = '{"reservedVhids": [{"segment": "192.0.2.7/24", "vhids": [2, 1, 2], "note": "ISP VRRP"}, {"segment": "2001:DB8:0::1/64", "vhids": [255]}]}';
    assert.deepEqual(problems(text), []);
    assert.deepEqual((spec(text) as { reserved: unknown }).reserved, [
      { segment: { value: '192.0.2.0/24' }, vhids: [1, 2], note: 'ISP VRRP' },
      { segment: { value: '2001:db8::/64' }, vhids: [255] },
    ]);
  });

  test('severity: the same codes and values as the freebsdConf.severity setting; $schema is allowed', () => {
    const text = '{"$schema": "./schemas/freebsd-conf.schema.json", "severity": {"carp/missing-pass": "error", "loader/redundant-default": "off"}}';
    assert.deepEqual(problems(text), []);
    assert.deepEqual((spec(text) as { severity: unknown }).severity, { 'carp/missing-pass': 'error', 'loader/redundant-default': 'off' });
  });

  test('an empty object says nothing; a byte-order mark is not an error', () => {
    assert.deepEqual(problems('{}'), []);
    assert.deepEqual(problems('\uFEFF{"nodes": {}}'), []);
    assert.deepEqual(spec('{}'), { nodes: [], clusters: [], reserved: [], severity: {} });
  });
});

describe('parseManifest: each mistake at its range', () => {
  test('bad JSON: the first syntax error, and what could be read is still used', () => {
    const text = '{\n  "nodes": {"fw1": "a"}\n  "clusters": {}\n}';
    assert.deepEqual(problems(text), ['3:3-3:13 manifest/invalid invalid JSON: expected ","']);
    assert.equal((spec(text) as { nodes: unknown[] }).nodes.length, 1);
    assert.deepEqual(problems('{"nodes": {'), ['1:12-1:12 manifest/invalid invalid JSON: expected "}" before the end of the file']);
  });

  test('an empty file, and a root that is not an object', () => {
    assert.deepEqual(problems(' \n'), ['1:1-1:1 manifest/invalid the file is empty; write {} for a manifest that says nothing']);
    assert.deepEqual(problems('["fw1"]'), ['1:1-1:8 manifest/invalid freebsd-conf.json must hold one JSON object ({"nodes": {…}, "clusters": {…}}), not an array']);
  });

  test('unknown keys at every level, with the nearest known key; they are ignored', () => {
    const text = '{"node": {}, "nodes": {"fw1": {"folder": "a", "devicecarp": true}}, "clusters": {"c": {"nodes": ["a", "b"], "primay": "a"}}, "reservedVhids": [{"segment": "10.0.0.0/8", "vhids": [1], "notes": "x"}]}';
    assert.deepEqual(problems(text), [
      '1:2-1:8 manifest/unknown-key unknown key "node" at the top level, ignored; did you mean "nodes"?',
      '1:47-1:59 manifest/unknown-key unknown key "devicecarp" in node "fw1", ignored; did you mean "deviceCarp"?',
      '1:109-1:117 manifest/unknown-key unknown key "primay" in cluster "c", ignored; did you mean "primary"?',
      '1:184-1:191 manifest/unknown-key unknown key "notes" in a reservation, ignored; did you mean "note"?',
    ]);
    assert.deepEqual(problems('{"nodes": {"x": {"files": {"rcconf": "a"}}}}'), [
      '1:28-1:36 manifest/unknown-key unknown key "rcconf" in "files" (the kinds are rc, loader, sysctl and pf), ignored (known: rc, loader, sysctl, pf)',
    ]);
  });

  test('a key given twice: the last counts, the first is an error', () => {
    assert.deepEqual(problems('{"nodes": {"fw1": "a", "fw1": "b"}}'), ['1:24-1:29 manifest/invalid duplicate key "fw1": only this last one counts']);
    assert.deepEqual((spec('{"nodes": {"fw1": "a", "fw1": "b"}}') as { nodes: { folder: unknown }[] }).nodes.map((n) => n.folder), [{ value: 'b' }]);
  });

  test('wrong types, at the value', () => {
    assert.deepEqual(problems('{"nodes": ["fw1"]}'), ['1:11-1:18 manifest/invalid "nodes" must be an object of name → folder ({"fw1": "sites/fw1"}), not an array']);
    assert.deepEqual(problems('{"nodes": {"fw1": 3}}'), ['1:19-1:20 manifest/invalid node "fw1" must be its folder ("sites/fw1") or an object ({"folder": …, "files": …, "deviceCarp": true}), not 3']);
    assert.deepEqual(problems('{"nodes": {"fw1": {"deviceCarp": "yes"}}}'), ['1:34-1:39 manifest/invalid "deviceCarp" must be true or false, not the string "yes"']);
    assert.deepEqual(problems('{"nodes": {"fw1": {"files": ["a"]}}}'), ['1:29-1:34 manifest/invalid "files" must be an object of kind → path ({"rc": "fw3.rc.conf"}), not an array']);
    assert.deepEqual(problems('{"clusters": []}'), ['1:14-1:16 manifest/invalid "clusters" must be an object of name → cluster ({"edge": {"nodes": ["fw1", "fw2"]}}), not an array']);
    assert.deepEqual(problems('{"clusters": {"c": {"nodes": ["a", "b"], "activeActive": 1}}}'), ['1:58-1:59 manifest/invalid "activeActive" must be true or false, not 1']);
    assert.deepEqual(problems('{"reservedVhids": {}}'), ['1:19-1:21 manifest/invalid "reservedVhids" must be a list ([{"segment": "192.0.2.0/24", "vhids": [1, 2]}]), not an object']);
    assert.deepEqual(problems('{"$schema": 1}'), ['1:13-1:14 manifest/invalid "$schema" must be a string, not 1']);
  });

  test('node names must be host names; paths relative, with "/", inside the manifest folder; a file not a folder', () => {
    assert.deepEqual(problems('{"nodes": {"fw 1": "a"}}'), ['1:12-1:18 manifest/invalid "fw 1" is not a node name: use letters, digits, ".", "-" and "_", starting with a letter or digit']);
    assert.deepEqual(problems('{"nodes": {"a": "/srv/fw1"}}'), ['1:17-1:27 manifest/invalid "/srv/fw1" is absolute: write it relative to the folder of freebsd-conf.json']);
    assert.deepEqual(problems('{"nodes": {"a": "C:/fw1"}}'), ['1:17-1:25 manifest/invalid "C:/fw1" is absolute: write it relative to the folder of freebsd-conf.json']);
    assert.deepEqual(problems('{"nodes": {"a": "sites\\\\fw1"}}'), ['1:17-1:29 manifest/invalid "sites\\fw1": write "/" between folders, not "\\"']);
    assert.deepEqual(problems('{"nodes": {"a": "x/../../fw1"}}'), ['1:17-1:30 manifest/invalid "x/../../fw1" leads out of the folder of freebsd-conf.json: only files below it are read']);
    assert.deepEqual(problems('{"nodes": {"a": ""}}'), ['1:17-1:19 manifest/invalid an empty path: write "." for the folder of freebsd-conf.json itself']);
    // The scan never enters these; in CI .git/config may hold the job's token.
    assert.deepEqual(problems('{"nodes": {"a": {"files": {"rc": ".git/config"}}}}'), ['1:34-1:47 manifest/invalid ".git/config" goes through ".git": hidden files and folders and node_modules are never read']);
    assert.deepEqual(problems('{"nodes": {"a": "x/node_modules/y"}}'), ['1:17-1:35 manifest/invalid "x/node_modules/y" goes through "node_modules": hidden files and folders and node_modules are never read']);
    assert.deepEqual(problems('{"nodes": {"a": {"files": {"rc": "fw1/.rc.conf"}}}}'), ['1:34-1:48 manifest/invalid "fw1/.rc.conf" goes through ".rc.conf": hidden files and folders and node_modules are never read']);
    assert.deepEqual(problems('{"nodes": {"a": {"files": {"rc": "x/.."}}}}'), ['1:34-1:40 manifest/invalid "x/.." is a folder, not a file']);
    assert.deepEqual(problems('{"nodes": {"a": {"files": {"rc": [1]}}}}'), ['1:35-1:36 manifest/invalid a file must be a path (a string), not 1']);
    // An entry whose folder or every file is unusable is left out, rather than read as a bare name.
    assert.deepEqual((spec('{"nodes": {"a": {"folder": "/x"}, "b": {"files": {"rc": "/y"}}}}') as { nodes: unknown[] }).nodes, []);
  });

  test('a file listed under a kind its name contradicts', () => {
    assert.deepEqual(problems('{"nodes": {"fw3": {"files": {"rc": "fw3/etc/pf.conf"}}}}'), ['1:36-1:53 manifest/invalid "pf.conf" is read as a pf.conf by its name: list it under "pf"']);
    assert.deepEqual(problems('{"nodes": {"fw3": {"files": {"rc": "x/rc.conf", "loader": "x/boot/loader.conf"}}}}'), [], 'the kind its name says');
  });

  test('clusters: missing nodes, fewer than two, a name twice, a primary that is no member, a primary when active/active', () => {
    assert.deepEqual(problems('{"clusters": {"edge": {"primary": "fw1"}}}'), ['1:15-1:21 manifest/invalid cluster "edge" has no "nodes": list them, as in "nodes": ["fw1", "fw2"]']);
    assert.deepEqual(problems('{"clusters": {"edge": {"nodes": ["fw1"]}}}'), ['1:33-1:40 manifest/invalid cluster "edge" needs at least two nodes: CARP elects a MASTER among the nodes that share a vhid']);
    assert.deepEqual(problems('{"clusters": {"edge": {"nodes": ["fw1", "fw2", "fw1"]}}}'), ['1:48-1:53 manifest/invalid "fw1" is listed twice']);
    assert.deepEqual(problems('{"clusters": {"edge": {"nodes": ["fw1", 2, "fw 3"]}}}'), [
      '1:33-1:51 manifest/invalid cluster "edge" needs at least two nodes: CARP elects a MASTER among the nodes that share a vhid',
      '1:41-1:42 manifest/invalid a node name must be a string, not 2',
      '1:44-1:50 manifest/invalid "fw 3" is not a node name: use letters, digits, ".", "-" and "_", starting with a letter or digit',
    ]);
    const noMember = '{"clusters": {"edge": {"nodes": ["fw1", "fw2"], "primary": "fw3"}}}';
    assert.deepEqual(problems(noMember), ['1:60-1:65 manifest/invalid primary "fw3" is not one of the nodes of cluster "edge" (fw1, fw2)']);
    assert.equal((spec(noMember) as { clusters: { primary?: unknown }[] }).clusters[0].primary, undefined, 'the primary is dropped, the cluster kept');
    assert.deepEqual(problems('{"clusters": {"lb": {"nodes": ["a", "b"], "activeActive": true, "primary": "a"}}}'), [
      '1:76-1:79 manifest/invalid cluster "lb" is active/active, so no node is MASTER of every vhid: remove "primary", or "activeActive"',
    ]);
    assert.deepEqual(problems('{"clusters": {"edge": {"nodes": ["a", "b"], "primary": 1}}}'), ['1:56-1:57 manifest/invalid "primary" must be a node name, not 1']);
  });

  test('reservations: segment and vhids required, vhids 1-255, a network as address/prefix', () => {
    assert.deepEqual(problems('{"reservedVhids": [{"vhids": [1]}]}'), ['1:20-1:34 manifest/invalid this reservation has no "segment": write {"segment": "192.0.2.0/24", "vhids": [1, 2]}']);
    assert.deepEqual(problems('{"reservedVhids": [{}]}'), ['1:20-1:22 manifest/invalid this reservation has no "segment" and no "vhids": write {"segment": "192.0.2.0/24", "vhids": [1, 2]}']);
    assert.deepEqual(problems('{"reservedVhids": [{"segment": "192.0.2.0/24", "vhids": [0, 256, 1.5, "3"]}]}'), [
      '1:58-1:59 manifest/invalid a vhid is a whole number from 1 to 255, not 0',
      '1:61-1:64 manifest/invalid a vhid is a whole number from 1 to 255, not 256',
      '1:66-1:69 manifest/invalid a vhid is a whole number from 1 to 255, not 1.5',
      '1:71-1:74 manifest/invalid a vhid is a whole number from 1 to 255, not the string "3"',
    ]);
    assert.deepEqual(problems('{"reservedVhids": [{"segment": "192.0.2.0/24", "vhids": []}]}'), ['1:57-1:59 manifest/invalid an empty list of vhids: list the vhids in use on the segment']);
    for (const bad of ['"192.0.2.0"', '"192.0.2/24"', '"lan"', '24']) {
      const p = problems(`{"reservedVhids": [{"segment": ${bad}, "vhids": [1]}]}`);
      assert.equal(p.length, 1, bad);
      assert.match(p[0], /^1:32-1:\d+ manifest\/invalid "segment" must be a network as address\/prefix, such as "192\.0\.2\.0\/24" or "2001:db8::\/64", not /);
    }
    assert.deepEqual(problems('{"reservedVhids": [3]}'), ['1:20-1:21 manifest/invalid a reservation must be an object ({"segment": "192.0.2.0/24", "vhids": [1, 2], "note": "ISP VRRP"}), not 3']);
    assert.deepEqual(problems('{"reservedVhids": [{"segment": "10.0.0.0/8", "vhids": [1], "note": 5}]}'), ['1:68-1:69 manifest/invalid "note" must be a string, not 5']);
  });

  test('severity: an unknown code is a warning on the key, a bad value an error on the value', () => {
    assert.deepEqual(problems('{"severity": {"rc/sytax": "off", "pf/syntax": "loud"}}'), [
      '1:15-1:25 manifest/unknown-key unknown diagnostic code "rc/sytax" in severity; did you mean "rc/syntax"?',
      '1:47-1:53 manifest/invalid severity["pf/syntax"] must be one of error, warning, information, hint or off, not the string "loud"',
    ]);
    assert.deepEqual(problems('{"severity": "off"}'), ['1:14-1:19 manifest/invalid severity must be an object, not the string "off"']);
    assert.deepEqual((spec('{"severity": {"rc/sytax": "off", "rc/syntax": "warning"}}') as { severity: unknown }).severity, { 'rc/syntax': 'warning' });
  });

  test('never throws, whatever the text', () => {
    for (const text of ['{', '}', '{"nodes": {"a": {"files": {"rc": [null, {}, []]}}}}', '{"clusters": {"c": {"nodes": [[]]}}}', '\u0000', '{"nodes": {"":""}}', '{"reservedVhids": [[], null]}']) {
      assert.doesNotThrow(() => parseManifest(text), text);
    }
  });
});
