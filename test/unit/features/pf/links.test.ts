import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../../../server/src/workspace/workspace';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfDocumentLinks, resolvePfPath } from '../../../../server/src/features/pf';

describe('pfDocumentLinks', () => {
  test('include and load anchor paths link to their files; the quotes are not part of the link', () => {
    const t = loadFixture('pf-nav-include');
    t.ws.set(t.uri('fw1/etc/pf.macros.conf'), 'pf', fs.readFileSync(path.join(t.dir, 'fw1/etc/pf.macros.conf'), 'utf8'));
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.deepEqual(pfDocumentLinks(doc, t.ws), [
      {
        range: { start: { line: 9, character: 9 }, end: { line: 9, character: 28 } },
        // /etc/pf.macros.conf is mapped into the node's copy of the machine root.
        target: t.uri('fw1/etc/pf.macros.conf'),
        tooltip: 'Open the included file',
      },
      {
        range: { start: { line: 39, character: 26 }, end: { line: 39, character: 47 } },
        target: 'file:///etc/pf.anchors/spamd',
        tooltip: 'Open the rules of anchor spamd (not in the workspace)',
      },
    ]);
  });
});

describe('resolvePfPath', () => {
  const ws = new Workspace();
  ws.set('file:///ws/fw1/etc/pf.conf', 'pf', 'include "pf.d/filter.conf"\n');
  ws.set('file:///ws/fw1/etc/rc.conf', 'rc', 'pf_enable="YES"\n');
  ws.set('file:///ws/fw1/etc/pf.d/filter.conf', 'pf', 'pass\n');
  ws.set('file:///ws/fw2/pf.conf', 'pf', 'include "/etc/pf.macros.conf"\n');
  ws.set('file:///ws/fw2/rc.conf', 'rc', 'pf_enable="YES"\n');
  ws.set('file:///ws/fw2/pf.macros.conf', 'pf', 'ext_if = "em0"\n');
  ws.set('file:///ws/my%20fw/etc/pf.conf', 'pf', '');
  ws.set('file:///ws/my%20fw/etc/pf.local.conf', 'pf', '');

  test('relative paths are taken from the including file\'s folder', () => {
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw1/etc/pf.conf', 'pf.d/filter.conf'), { uri: 'file:///ws/fw1/etc/pf.d/filter.conf', inWorkspace: true });
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw1/etc/pf.d/filter.conf', '../pf.conf'), { uri: 'file:///ws/fw1/etc/pf.conf', inWorkspace: true });
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw1/etc/pf.conf', './missing.conf'), { uri: 'file:///ws/fw1/etc/missing.conf', inWorkspace: false });
  });

  test('absolute paths map into the node root; a flat node also finds /etc/x as <root>/x', () => {
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw2/pf.conf', '/etc/pf.macros.conf'), { uri: 'file:///ws/fw2/pf.macros.conf', inWorkspace: true });
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw1/etc/pf.conf', '/etc/pf.d/filter.conf'), { uri: 'file:///ws/fw1/etc/pf.d/filter.conf', inWorkspace: true });
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/fw1/etc/pf.conf', '/usr/local/etc/pf.conf'), { uri: 'file:///usr/local/etc/pf.conf', inWorkspace: false });
  });

  test('paths with spaces match percent-encoded workspace URIs', () => {
    assert.deepEqual(resolvePfPath(ws, 'file:///ws/my%20fw/etc/pf.conf', 'pf.local.conf'), { uri: 'file:///ws/my%20fw/etc/pf.local.conf', inWorkspace: true });
  });
});
