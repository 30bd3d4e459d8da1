import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { includersOf, pfPathCandidates, resolvePfPath } from '../../../server/src/model/pf-include-paths';
import { Workspace } from '../../../server/src/workspace/workspace';
import type { ConfKind } from '../../../server/src/model/kinds';

/**
 * Include lookups are answered from an index the workspace rebuilds when a pf
 * file or the set of files changes (the workspace version); these tests change the
 * workspace between lookups, so a stale index would give the old answers.
 */
/** A workspace of the given files; names ending in `.conf` other than rc/loader/sysctl are pf files (included files have any name). */
function workspaceFromFiles(files: Record<string, string>): { ws: Workspace; uri: (rel: string) => string } {
  const ws = new Workspace();
  const uri = (rel: string): string => `file:///ws/${rel}`;
  for (const [rel, text] of Object.entries(files)) {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const kind: ConfKind = name === 'rc.conf' ? 'rc' : name === 'loader.conf' ? 'loader' : name === 'sysctl.conf' ? 'sysctl' : 'pf';
    ws.set(uri(rel), kind, text);
  }
  return { ws, uri };
}

describe('pf include index: includers and paths stay right as the workspace changes', () => {
  const macros = 'ext_if = "em0"\nint_if = "em1"\n';
  const pfConf = '# fw1\ninclude "/etc/pf.macros.conf"\npass in on $ext_if all\n';

  test('the includer of a shared macros file, then none once the include line is deleted', () => {
    const { ws, uri } = workspaceFromFiles({ 'fw1/etc/rc.conf': 'pf_enable="YES"\n', 'fw1/etc/pf.conf': pfConf, 'fw1/etc/pf.macros.conf': macros });
    assert.deepEqual(includersOf(ws, uri('fw1/etc/pf.macros.conf')).map((d) => d.uri), [uri('fw1/etc/pf.conf')]);
    ws.set(uri('fw1/etc/pf.conf'), 'pf', '# fw1\npass in on em0 all\n');
    assert.deepEqual(includersOf(ws, uri('fw1/etc/pf.macros.conf')), []);
  });

  test('an include target added later is found; removed, it is not', () => {
    const { ws, uri } = workspaceFromFiles({ 'fw1/etc/rc.conf': 'pf_enable="YES"\n', 'fw1/etc/pf.conf': pfConf });
    assert.equal(resolvePfPath(ws, uri('fw1/etc/pf.conf'), '/etc/pf.macros.conf').inWorkspace, false);
    assert.deepEqual(includersOf(ws, uri('fw1/etc/pf.macros.conf')), []);
    ws.set(uri('fw1/etc/pf.macros.conf'), 'pf', macros);
    assert.equal(resolvePfPath(ws, uri('fw1/etc/pf.conf'), '/etc/pf.macros.conf').inWorkspace, true);
    assert.deepEqual(includersOf(ws, uri('fw1/etc/pf.macros.conf')).map((d) => d.uri), [uri('fw1/etc/pf.conf')]);
    ws.remove(uri('fw1/etc/pf.macros.conf'));
    assert.equal(resolvePfPath(ws, uri('fw1/etc/pf.conf'), '/etc/pf.macros.conf').inWorkspace, false);
  });

  test('two nodes sharing nothing: each pf.conf includes only its own node’s file', () => {
    const { ws, uri } = workspaceFromFiles({
      'fw1/etc/pf.conf': pfConf, 'fw1/etc/pf.macros.conf': macros,
      'fw2/etc/pf.conf': pfConf.replace('fw1', 'fw2'), 'fw2/etc/pf.macros.conf': macros,
    });
    assert.deepEqual(includersOf(ws, uri('fw2/etc/pf.macros.conf')).map((d) => d.uri), [uri('fw2/etc/pf.conf')]);
    assert.deepEqual(includersOf(ws, uri('fw1/etc/pf.macros.conf')).map((d) => d.uri), [uri('fw1/etc/pf.conf')]);
  });

  test('edits that keep the include lines: the current documents come back, in workspace order; a changed include line moves the entry', () => {
    const shared = 'shared/pf.macros.conf';
    const { ws, uri } = workspaceFromFiles({
      'a/pf.conf': `include "../${shared}"\npass all\n`, 'b/pf.conf': `include "../${shared}"\nblock all\n`, [shared]: macros, 'other.conf': macros,
    });
    assert.deepEqual(includersOf(ws, uri(shared)).map((d) => d.uri), [uri('a/pf.conf'), uri('b/pf.conf')]);
    const edited = ws.set(uri('a/pf.conf'), 'pf', `include "../${shared}"\npass in all\n`);
    const after = includersOf(ws, uri(shared));
    assert.deepEqual(after.map((d) => d.uri), [uri('a/pf.conf'), uri('b/pf.conf')]);
    assert.equal(after[0], edited);
    ws.set(uri('b/pf.conf'), 'pf', 'include "../other.conf"\nblock all\n');
    assert.deepEqual(includersOf(ws, uri(shared)).map((d) => d.uri), [uri('a/pf.conf')]);
    assert.deepEqual(includersOf(ws, uri('other.conf')).map((d) => d.uri), [uri('b/pf.conf')]);
  });

  test('one workspace version: the files edited since a version, whether files came or went, and when it cannot tell', () => {
    const { ws, uri } = workspaceFromFiles({ 'a/pf.conf': 'pass all\n', 'b/pf.conf': 'block all\n', 'a/rc.conf': 'pf_enable="YES"\n' });
    const v0 = ws.version();
    ws.set(uri('a/pf.conf'), 'pf', 'pass in all\n');
    ws.set(uri('a/rc.conf'), 'rc', 'pf_enable="NO"\n');
    ws.set(uri('b/pf.conf'), 'pf', 'block in all\n');
    assert.deepEqual(ws.editedSince(v0), [uri('a/pf.conf'), uri('a/rc.conf'), uri('b/pf.conf')]);
    assert.equal(ws.filesChangedSince(v0), false);
    assert.deepEqual(ws.editedSince(ws.version()), []);
    assert.equal(ws.set(uri('b/pf.conf'), 'pf', 'block in all\n'), ws.get(uri('b/pf.conf')), 'the same text is no change');
    assert.equal(ws.editedSince(v0)?.length, 3);
    const before = ws.version();
    ws.set(uri('c/pf.conf'), 'pf', 'pass all\n'); // a new file
    assert.equal(ws.filesChangedSince(v0), true);
    assert.equal(ws.filesChangedSince(before), true);
    assert.equal(ws.filesChangedSince(ws.version()), false);
    ws.remove(uri('c/pf.conf'));
    assert.equal(ws.filesChangedSince(before + 1), true, 'a removal changes the files too');
    const v1 = ws.version();
    for (let i = 0; i < 300; i++) ws.set(uri('a/pf.conf'), 'pf', `pass all # ${i}\n`);
    assert.equal(ws.editedSince(v1), undefined, 'older than the log');
    assert.deepEqual(ws.editedSince(ws.version() - 1), [uri('a/pf.conf')]);
    assert.ok(ws.version() > v1);
  });

  test('many edits between two lookups, one of them to an include line, are all seen', () => {
    const shared = 'shared/pf.macros.conf';
    const { ws, uri } = workspaceFromFiles({ 'a/pf.conf': `include "../${shared}"\npass all\n`, 'b/pf.conf': 'block all\n', [shared]: macros });
    assert.deepEqual(includersOf(ws, uri(shared)).map((d) => d.uri), [uri('a/pf.conf')]);
    for (const count of [3, 400]) {
      // `count` edits: within the workspace's change log, then past its end (every file looked at again).
      for (let i = 0; i < count; i++) ws.set(uri('a/pf.conf'), 'pf', `include "../${shared}"\npass all # ${count} ${i}\n`);
      ws.set(uri('b/pf.conf'), 'pf', `include "../${shared}"\nblock all # ${count}\n`);
      assert.deepEqual(includersOf(ws, uri(shared)).map((d) => d.uri), [uri('a/pf.conf'), uri('b/pf.conf')], `${count} edits`);
      assert.equal(includersOf(ws, uri(shared))[0], ws.get(uri('a/pf.conf')));
      ws.set(uri('b/pf.conf'), 'pf', 'block all\n');
      assert.deepEqual(includersOf(ws, uri(shared)).map((d) => d.uri), [uri('a/pf.conf')]);
    }
  });

  test('a path written with characters that URIs encode finds the file (percent-encoding differences)', () => {
    const { ws, uri } = workspaceFromFiles({ 'fw1/etc/pf.conf': 'include "/etc/pf rules.conf"\n', 'fw1/etc/pf%20rules.conf': macros });
    const target = resolvePfPath(ws, uri('fw1/etc/pf.conf'), '/etc/pf rules.conf');
    assert.deepEqual([target.inWorkspace, target.uri], [true, uri('fw1/etc/pf%20rules.conf')]);
  });
});

describe('pf include paths: where a path written in a config may lead', () => {
  const files = { 'fw1/etc/rc.conf': 'hostname="fw1"\n', 'fw1/etc/pf.conf': 'pass all\n', 'fw1/etc/pf.inner': 'x = "1"\n' };

  test('an absolute path stays in the node: .. stops at its root as it does at /', () => {
    const { ws, uri } = workspaceFromFiles(files);
    for (const p of ['/../../etc/pf.inner', '/../etc/pf.inner', '/etc/../../../etc/pf.inner', '/./etc/pf.inner']) {
      assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), p), [uri('fw1/etc/pf.inner')], p);
      assert.equal(resolvePfPath(ws, uri('fw1/etc/pf.conf'), p).uri, uri('fw1/etc/pf.inner'), p);
    }
  });

  test('a relative path follows .. above the node (a shared macros file beside the nodes)', () => {
    const { ws, uri } = workspaceFromFiles(files);
    assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), '../../shared/pf.macros'), [uri('shared/pf.macros')]);
    assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), '../../../../../x'), ['file:///x']);
  });

  test('a lone surrogate in a path becomes U+FFFD instead of throwing', () => {
    const { ws, uri } = workspaceFromFiles(files);
    assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), '/etc/\ud800x'), [uri('fw1/etc/%EF%BF%BDx')]);
    assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), 'a\udc00'), [uri('fw1/etc/a%EF%BF%BD')]);
    assert.deepEqual(pfPathCandidates(ws, uri('fw1/etc/pf.conf'), '\ud83d\ude00'), [uri('fw1/etc/%F0%9F%98%80')], 'a surrogate pair is a character');
  });
});
