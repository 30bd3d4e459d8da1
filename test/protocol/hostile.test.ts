import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ErrorCodes, type ResponseError } from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';
import { capabilities } from '../../server/src/lsp/capabilities';

/**
 * Messages an editor, a buggy client or a hostile repository can send. After
 * each one the server must still be there and still check an ordinary
 * rc.conf: a bad message costs at most its own answer.
 */
const ORDINARY = 'file:///srv/ok/etc/rc.conf';

async function stillServes(client: TestClient, label: string): Promise<void> {
  client.clear(ORDINARY);
  await client.open(ORDINARY, 'rc-conf', `# ${label}\nsshd_enable="maybe"\n`);
  const d = await client.waitForDiagnostics(ORDINARY, (x) => x.some((y) => y.code === 'rc/invalid-yes-no'), 5000);
  assert.ok(d.length > 0, `after ${label}`);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ORDINARY } });
}

/** Opens and closes a document, as an editor does when a tab is opened and closed. */
async function openAndClose(client: TestClient, uri: string, languageId: string, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

/** A fresh server, initialized without a folder (or by `init`), stopped whatever happens. */
async function withServer(run: (client: TestClient) => Promise<void>, init?: (client: TestClient) => Promise<unknown>): Promise<void> {
  const client = TestClient.start('ipc');
  try {
    await (init ? init(client) : client.initialize(undefined));
    await run(client);
  } finally {
    await client.stop();
  }
}

const HOSTILE_URIS = {
  'a bare % in a document URI': 'file:///srv/cfg/100%/etc/rc.conf',
  'a UNC URI (a host in a file URI)': 'file://host/share/etc/rc.conf',
  'an encoded slash in a document URI': 'file:///srv/a%2Fb/etc/rc.conf',
};

describe('hostile input: the server keeps serving', () => {
  for (const [label, uri] of Object.entries(HOSTILE_URIS)) {
    test(`${label}: opened and closed, then checked on its own while open`, () =>
      withServer(async (client) => {
        await client.open(uri, 'rc-conf', 'pf_enable="maybe"\n');
        // A URI that maps to no path is still checked, like an untitled document.
        const d = await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'rc/invalid-yes-no'), 5000);
        assert.ok(d.length > 0);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await client.waitForDiagnostics(uri, (x) => x.length === 0, 5000);
        await stillServes(client, label);
      }));
  }

  test('such URIs as workspace folders at initialize', () =>
    withServer(
      async (client) => {
        await client.waitFor('the workspace scan', () => client.status?.scanned);
        assert.equal(client.status?.files, 0);
        await stillServes(client, 'hostile workspace folders');
      },
      async (client) => {
        await client.connection.sendRequest('initialize', {
          processId: null,
          rootUri: 'file:///srv/cfg/100%',
          capabilities: VSCODE_LIKE_CAPABILITIES,
          workspaceFolders: Object.values(HOSTILE_URIS).map((uri, i) => ({ uri: uri.replace(/\/etc\/rc\.conf$/, ''), name: `f${i}` })),
        });
        await client.connection.sendNotification('initialized', {});
      },
    ));

  test('a pf include whose path holds a lone surrogate', () =>
    withServer(async (client) => {
      await openAndClose(client, 'file:///srv/fw1/etc/pf.conf', 'pf-conf', 'include "/etc/\ud800x"\npass all\n');
      await openAndClose(client, 'file:///srv/fw1/etc/pf.conf', 'pf-conf', 'include "\udc00/../x"\npass all\n');
      await stillServes(client, 'a lone surrogate');
    }));

  test('didChangeConfiguration with null params, and other malformed notifications', () =>
    withServer(async (client) => {
      await client.connection.sendNotification('workspace/didChangeConfiguration', null);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', null);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///srv/cfg/100%/etc/rc.conf', type: 2 }] });
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: null });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
      await stillServes(client, 'malformed notifications');
    }));

  test('a malformed request gets an answer or an error response, not a dead server', () =>
    withServer(async (client) => {
      await client.open(ORDINARY, 'rc-conf', 'hostname="fw1"\n');
      // Answered (null) or refused: either way the call settles and the server lives on.
      await Promise.allSettled([client.connection.sendRequest('textDocument/hover', null)]);
      await assert.rejects(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: ORDINARY } }));
      await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ORDINARY }, position: null }));
      await stillServes(client, 'malformed requests');
    }));
});

/** Every request method the server's capabilities advertise, with plausible params. */
function advertisedRequests(uri: string): [string, unknown][] {
  const caps = capabilities();
  const doc = { textDocument: { uri } };
  const at = { ...doc, position: { line: 0, character: 1 } };
  const methods: [keyof typeof caps, string, unknown][] = [
    ['codeActionProvider', 'textDocument/codeAction', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } }],
    ['hoverProvider', 'textDocument/hover', at],
    ['completionProvider', 'textDocument/completion', at],
    ['documentSymbolProvider', 'textDocument/documentSymbol', doc],
    ['definitionProvider', 'textDocument/definition', at],
    ['referencesProvider', 'textDocument/references', { ...at, context: { includeDeclaration: true } }],
    ['renameProvider', 'textDocument/rename', { ...at, newName: 'x' }],
    ['renameProvider', 'textDocument/prepareRename', at],
    ['foldingRangeProvider', 'textDocument/foldingRange', doc],
    ['documentLinkProvider', 'textDocument/documentLink', doc],
    ['semanticTokensProvider', 'textDocument/semanticTokens/full', doc],
    ['codeLensProvider', 'textDocument/codeLens', doc],
    ['workspaceSymbolProvider', 'workspace/symbol', { query: '' }],
  ];
  const advertised = methods.filter(([cap]) => caps[cap] !== undefined).map(([, m, p]): [string, unknown] => [m, p]);
  // Every capability that names a provider is covered above: a new one must be added here too.
  const providers = Object.keys(caps).filter((k) => k.endsWith('Provider'));
  assert.deepEqual([...new Set(methods.map(([c]) => c))].sort(), providers.sort(), 'a provider the test does not exercise');
  return [...advertised, ['freebsdConf/workspaceStatus', undefined], ['freebsdConf/topology', { failed: ['fw1'] }], ['shutdown', undefined]];
}

describe('after shutdown', () => {
  test('every request gets InvalidRequest, shutdown included', () =>
    withServer(async (client) => {
      const uri = 'file:///srv/fw1/etc/pf.conf';
      await client.open(uri, 'pf-conf', 'ext_if = "em0"\npass in on $ext_if all\n');
      assert.notEqual(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 13 } }), undefined);
      assert.equal(await client.connection.sendRequest('shutdown'), null);
      for (const [method, params] of advertisedRequests(uri)) {
        await assert.rejects(
          params === undefined ? client.connection.sendRequest(method) : client.connection.sendRequest(method, params),
          (e: ResponseError<unknown>) => e.code === ErrorCodes.InvalidRequest,
          method,
        );
      }
    }));
});
