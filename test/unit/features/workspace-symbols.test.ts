import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { WORKSPACE_SYMBOL_LIMIT, workspaceSymbols } from '../../../server/src/features/workspace-symbols';

const nav = loadFixture('nav-cluster');
const CLUSTER = 'cluster fw1, fw2, fw3';

/** Each symbol as `[kind, name, container, file, start line, start character, end line, end character]`. */
function rows(t: TestWorkspace, symbols: SymbolInformation[]): unknown[][] {
  return symbols.map((s) => {
    const r = s.location.range;
    return [s.kind, s.name, s.containerName ?? null, t.rel(s.location.uri), r.start.line, r.start.character, r.end.line, r.end.character];
  });
}

describe('workspace symbols', () => {
  test('an empty query lists the nodes (at their hostname line), the cluster and its vhid groups (at the first member\'s alias line)', () => {
    assert.deepEqual(rows(nav, workspaceSymbols(nav.ws, '')), [
      [SymbolKind.Module, 'fw1', CLUSTER, 'fw1/etc/rc.conf', 1, 0, 1, 26],
      [SymbolKind.Module, 'fw2', CLUSTER, 'fw2/etc/rc.conf', 1, 0, 1, 26],
      [SymbolKind.Module, 'fw3', CLUSTER, 'fw3/etc/rc.conf', 1, 0, 1, 26],
      [SymbolKind.Package, CLUSTER, null, 'fw1/etc/rc.conf', 4, 0, 4, 78],
      [SymbolKind.Constant, 'vhid 1 (192.0.2.0/24)', CLUSTER, 'fw1/etc/rc.conf', 4, 0, 4, 78],
      [SymbolKind.Constant, 'vhid 4 (192.0.2.0/24)', CLUSTER, 'fw3/etc/rc.conf', 4, 0, 4, 162],
      [SymbolKind.Constant, 'vhid 12 (198.51.100.0/24)', CLUSTER, 'fw1/etc/rc.conf', 7, 0, 7, 80],
    ]);
  });

  test('the query is a case-insensitive substring; names that start with it come first', () => {
    assert.deepEqual(workspaceSymbols(nav.ws, 'FW2').map((s) => s.name), ['fw2', CLUSTER]);
    assert.deepEqual(workspaceSymbols(nav.ws, 'vhid 1').map((s) => s.name), ['vhid 1 (192.0.2.0/24)', 'vhid 12 (198.51.100.0/24)']);
    assert.deepEqual(workspaceSymbols(nav.ws, '198.51').map((s) => s.name), ['vhid 12 (198.51.100.0/24)']);
    assert.deepEqual(workspaceSymbols(nav.ws, 'fw9'), []);
  });

  test('the answer is capped', () => {
    assert.deepEqual(workspaceSymbols(nav.ws, 'fw', 2).map((s) => s.name), ['fw1', 'fw2']);
    const files: Record<string, string> = {};
    for (let i = 0; i < WORKSPACE_SYMBOL_LIMIT + 10; i++) files[`n${i}/etc/rc.conf`] = `hostname="n${i}"\n`;
    assert.equal(workspaceSymbols(workspaceFromFiles(files).ws, 'n').length, WORKSPACE_SYMBOL_LIMIT);
  });

  test('a group without a known subnet is named by its VIPs; a large cluster names its first nodes and counts the rest', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 8; i++) files[`n${i}/etc/rc.conf`] = `hostname="n${i}"\nifconfig_em0_alias0="inet vhid 7 advskew ${i} pass k alias 192.0.2.1/32"\n`;
    const t = workspaceFromFiles(files);
    const names = workspaceSymbols(t.ws, '').filter((s) => s.kind !== SymbolKind.Module).map((s) => s.name);
    assert.deepEqual(names, ['cluster n1, n2, n3, n4, n5, n6 and 2 more', 'vhid 7 (192.0.2.1)']);
  });

  test('a node without a hostname is found at the start of its rc.conf, before rc.conf.local; a node without rc.conf at its first file', () => {
    const t = workspaceFromFiles({
      'edge/etc/rc.conf.local': 'sshd_enable="YES"\n',
      'edge/etc/rc.conf': 'sshd_enable="NO"\n',
      'lab/boot/loader.conf': 'carp_load="YES"\n',
    });
    assert.deepEqual(rows(t, workspaceSymbols(t.ws, '')), [
      [SymbolKind.Module, 'edge', null, 'edge/etc/rc.conf', 0, 0, 0, 0],
      [SymbolKind.Module, 'lab', null, 'lab/boot/loader.conf', 0, 0, 0, 0],
    ]);
  });
});
