import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { makeTempDir } from '../helpers/temp';

const has = (code: string) => (d: Diagnostic[]): boolean => d.some((x) => x.code === code);
const lacks = (code: string) => (d: Diagnostic[]): boolean => !d.some((x) => x.code === code);

const pair = (host: number, skew: string): string =>
  `hostname="fw${host - 1}.example.net"\nifconfig_em0="inet 192.0.2.${host}/24"\nifconfig_em0_alias0="inet vhid 1${skew} pass k3y alias 192.0.2.1/32"\n`;

/**
 * Findings that compare nodes land on files nobody is editing: the server
 * must re-publish them when a node they depend on changes, whether the two
 * nodes share a cluster (preempt) or only an address (a node without vhids).
 */
describe('cross-node findings follow edits to another node', () => {
  let client: TestClient;
  let uri: (rel: string) => string;

  before(async () => {
    const dir = makeTempDir('fc-cross-', {
      'fw1/etc/rc.conf': pair(2, ''),
      'fw1/boot/loader.conf': 'carp_load="YES"\n',
      'fw1/etc/sysctl.conf': 'net.inet.carp.preempt=1\n',
      'fw2/etc/rc.conf': pair(3, ' advskew 100'),
      'fw2/boot/loader.conf': 'carp_load="YES"\n',
      'fw2/etc/sysctl.conf': 'net.inet.carp.preempt=1\n',
      'srv/etc/rc.conf': 'hostname="srv.example.net"\nifconfig_em0="inet 192.0.2.50/24"\n',
      'copy/etc/rc.conf': 'hostname="copy.example.net"\nifconfig_em0="inet 192.0.2.60/24"\n',
    });
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('a server (no vhid, no cluster) taking the VIP: the closed rc.conf of both CARP nodes gets the conflict, and loses it again', async () => {
    const srv = uri('srv/etc/rc.conf');
    await client.open(srv, 'rc-conf', 'hostname="srv.example.net"\nifconfig_em0="inet 192.0.2.50/24"\n');
    await client.replaceText(srv, 'hostname="srv.example.net"\nifconfig_em0="inet 192.0.2.1/24"\n');
    await client.waitForDiagnostics(uri('fw1/etc/rc.conf'), has('carp/vip-conflicts-host-address'));
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), has('carp/vip-conflicts-host-address'));
    await client.replaceText(srv, 'hostname="srv.example.net"\nifconfig_em0="inet 192.0.2.50/24"\n');
    await client.waitForDiagnostics(uri('fw1/etc/rc.conf'), lacks('carp/vip-conflicts-host-address'));
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), lacks('carp/vip-conflicts-host-address'));
  });

  test('two nodes without vhids: a copied address is reported on the unopened one, and cleared when the copy is fixed', async () => {
    const copy = uri('copy/etc/rc.conf');
    await client.open(copy, 'rc-conf', 'hostname="copy.example.net"\nifconfig_em0="inet 192.0.2.60/24"\n');
    await client.replaceText(copy, 'hostname="copy.example.net"\nifconfig_em0="inet 192.0.2.50/24"\n');
    const d = await client.waitForDiagnostics(uri('srv/etc/rc.conf'), has('net/duplicate-address'));
    assert.equal(d.find((x) => x.code === 'net/duplicate-address')?.severity, 1);
    await client.replaceText(copy, 'hostname="copy.example.net"\nifconfig_em0="inet 192.0.2.61/24"\n');
    await client.waitForDiagnostics(uri('srv/etc/rc.conf'), lacks('net/duplicate-address'));
  });

  test("preempt turned off in one node's sysctl.conf: the peer's rc.conf is told, and clears when it is back", async () => {
    const sysctl = uri('fw2/etc/sysctl.conf');
    await client.open(sysctl, 'sysctl-conf', 'net.inet.carp.preempt=1\n');
    await client.replaceText(sysctl, 'net.inet.carp.preempt=0\n');
    await client.waitForDiagnostics(uri('fw1/etc/rc.conf'), has('carp/preempt-mismatch'));
    await client.replaceText(sysctl, 'net.inet.carp.preempt=1\n');
    await client.waitForDiagnostics(uri('fw1/etc/rc.conf'), lacks('carp/preempt-mismatch'));
  });
});
