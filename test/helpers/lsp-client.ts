import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ScanFinishedNotification, TopologyChangedNotification, type TopologyChanged, type WorkspaceStatus } from '../../server/src/protocol';
import { REPO_ROOT } from './workspace';

export const SERVER_JS = path.join(REPO_ROOT, 'server', 'out', 'server.js');

/** A client capabilities set like VS Code's for what the server looks at. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, configuration: false, workspaceFolders: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
};

/**
 * A real JSON-RPC client talking to the built server (server/out/server.js)
 * in its own process: the artifact users run, not the sources.
 */
export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  status: WorkspaceStatus | undefined;
  /** Every freebsdConf/topologyChanged received, in order. */
  readonly topologyChanges: TopologyChanged[] = [];

  private constructor(readonly connection: ProtocolConnection, private readonly child: ChildProcess) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.wake();
    });
    connection.onNotification(ScanFinishedNotification, (s) => {
      this.status = s;
      this.wake();
    });
    connection.onNotification(TopologyChangedNotification, (c) => {
      this.topologyChanges.push(c);
      this.wake();
    });
    connection.listen();
  }

  /** Starts the server over IPC (the VS Code transport) or stdio (other editors). */
  static start(transport: 'ipc' | 'stdio' = 'ipc'): TestClient {
    if (transport === 'ipc') {
      const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      return new TestClient(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), child);
    }
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    return new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child);
  }

  /** `initializationOptions` is how a client without workspace/configuration hands the server its settings (`{ settings: {...} }`). */
  async initialize(folder: string | undefined, capabilities = VSCODE_LIKE_CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
    const rootUri = folder ? pathToFileURL(folder).href : null;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities,
      initializationOptions,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(folder!) }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async replaceText(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits (event driven, with a timeout) until `predicate` holds. Never a fixed sleep. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics of a file once a publication satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics of ${uri}`, () => {
      const d = this.diagnostics.get(uri);
      return d && predicate(d) ? d : undefined;
    }, timeoutMs);
  }

  /** Forgets what was published for a file, so the next wait sees only a fresh publication. */
  clear(uri: string): void {
    this.diagnostics.delete(uri);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
