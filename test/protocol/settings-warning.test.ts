import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  MessageType,
  RegistrationRequest,
  ShowMessageNotification,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';

const TYPO = { severity: { 'rc/sytax': 'off' } };
const TYPO_MESSAGE = 'FreeBSD conf: invalid settings, ignored: unknown diagnostic code "rc/sytax" in freebsdConf.severity; did you mean "rc/syntax"?.';

/**
 * A server on a one-file workspace, its showMessage notifications collected.
 * `settings` is what the client answers to workspace/configuration.
 */
function startServer(): { client: TestClient; messages: ShowMessageParams[]; dir: string; rcUri: string; settings: { current: unknown } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-settings-'));
  fs.mkdirSync(path.join(dir, 'etc'));
  fs.writeFileSync(path.join(dir, 'etc', 'rc.conf'), 'pf_enable="maybe"\n');
  const client = TestClient.start('ipc');
  const messages: ShowMessageParams[] = [];
  const settings = { current: undefined as unknown };
  client.connection.onNotification(ShowMessageNotification.type, (p) => messages.push(p));
  client.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings.current));
  client.connection.onRequest(RegistrationRequest.type, () => null);
  return { client, messages, dir, rcUri: pathToFileURL(path.join(dir, 'etc', 'rc.conf')).href, settings };
}

/**
 * Sends a configuration change and waits until the server has re-published
 * the file: it shows any warning before it publishes, and messages keep
 * their order, so a warning would have arrived by then.
 */
async function changeConfiguration(client: TestClient, rcUri: string, settings: unknown): Promise<void> {
  client.clear(rcUri);
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  await client.waitForDiagnostics(rcUri, () => true);
}

describe('the language server warns once about invalid settings (client with workspace/configuration, as VS Code)', () => {
  let s: ReturnType<typeof startServer>;
  before(async () => {
    s = startServer();
    s.settings.current = TYPO;
    await s.client.initialize(s.dir, { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, configuration: true } });
    await s.client.waitFor('the workspace scan', () => s.client.status?.scanned);
  });
  after(async () => {
    await s.client.stop();
    fs.rmSync(s.dir, { recursive: true, force: true });
  });

  test('the mistake found at start is shown as a warning', () => {
    assert.deepEqual(s.messages, [{ type: MessageType.Warning, message: TYPO_MESSAGE }]);
  });

  test('configuration changes with the same mistake show nothing more; a new mistake is shown; after a fix, the old one again', async () => {
    await changeConfiguration(s.client, s.rcUri, null);
    await changeConfiguration(s.client, s.rcUri, null);
    assert.equal(s.messages.length, 1);

    s.settings.current = { ...TYPO, maxFiles: 0 };
    await changeConfiguration(s.client, s.rcUri, null);
    assert.equal(s.messages.length, 2);
    assert.match(s.messages[1].message, /freebsdConf\.maxFiles must be at least 1, not 0/);

    s.settings.current = {};
    await changeConfiguration(s.client, s.rcUri, null);
    assert.equal(s.messages.length, 2, 'valid settings show nothing');
    s.settings.current = TYPO;
    await changeConfiguration(s.client, s.rcUri, null);
    assert.equal(s.messages.length, 3);
    assert.equal(s.messages[2].message, TYPO_MESSAGE);
  });

  test('the valid part of the settings still applies', async () => {
    s.settings.current = { severity: { 'rc/sytax': 'off', 'rc/invalid-yes-no': 'off' } };
    await changeConfiguration(s.client, s.rcUri, null);
    assert.deepEqual(s.client.diagnostics.get(s.rcUri), []);
  });
});

describe('the language server warns once about invalid settings (settings pushed in didChangeConfiguration)', () => {
  let s: ReturnType<typeof startServer>;
  before(async () => {
    s = startServer();
    await s.client.initialize(s.dir);
    await s.client.waitFor('the workspace scan', () => s.client.status?.scanned);
  });
  after(async () => {
    await s.client.stop();
    fs.rmSync(s.dir, { recursive: true, force: true });
  });

  test('no settings, no warning; the same pushed mistake twice, one warning', async () => {
    assert.deepEqual(s.messages, []);
    await changeConfiguration(s.client, s.rcUri, { freebsdConf: TYPO });
    await changeConfiguration(s.client, s.rcUri, { freebsdConf: TYPO });
    assert.deepEqual(s.messages, [{ type: MessageType.Warning, message: TYPO_MESSAGE }]);
  });
});
