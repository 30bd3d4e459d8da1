import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, TopologyTextRequest, type RevealGroupArgs, type TopologyResult } from '../../server/src/protocol';
import type { ServerConnection } from './server-connection';
import type { SimulatedFailures } from './simulated-failures';
import { topologyHtml } from './topology-html';
import { EXPORT_FILES, imageBytes } from './topology-export';
import {
  diagramModel, isRecord, revealArgs, type DiagramModel, type ExportImageFormat, type ExportTextFormat, type HostMessage,
  type PlainDiagnostic, type ProblemSeverity, type RenderedView,
} from './diagram-model';

/** The command that opens the diagram; its optional argument is a RevealGroupArgs or a tree item holding one as `group`. */
export const SHOW_TOPOLOGY_COMMAND = 'freebsdConf.showTopology';
const VIEW_TYPE = 'freebsdConf.topology';
/** Diagnostics arrive one file at a time after an edit; one redraw for the burst. */
const DIAGNOSTICS_SETTLE_MS = 150;

/**
 * The host side of the "Cluster Topology" webview: one panel at a time; it
 * asks the server for the topology with the simulated failures (and, when
 * some nodes are failed, without them, to tell who took over), adds the
 * diagnostics on each member's alias line, and sends the model to the
 * webview. It redraws when the server says the topology changed, when the
 * failures change and when our diagnostics on a member's file change; it
 * never polls. The last model sent and the last drawing the webview reported
 * are kept for the tests.
 */
export class TopologyPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private version = 0;
  private model: DiagramModel | undefined;
  private rendered: RenderedView | undefined;
  private topologies: { current: TopologyResult | undefined; baseline: TopologyResult | undefined } | undefined;
  private highlight: RevealGroupArgs | null = null;
  private focusPending = false;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private diagnosticsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly didRender = new vscode.EventEmitter<RenderedView>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires each time the webview has drawn a model. */
  readonly onDidRender = this.didRender.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connection: ServerConnection,
    /** The window's simulated failures, which the diagram toggles (public for the tests). */
    readonly failures: SimulatedFailures,
  ) {
    this.subscriptions.push(
      this.didRender,
      connection.onTopologyChanged(() => void this.refresh()),
      failures.onDidChange(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => this.diagnosticsChanged(e.uris)),
    );
  }

  /** Opens the panel, or brings it forward; highlights the group the argument names. */
  show(arg?: unknown): void {
    this.highlight = revealArgs(arg);
    this.focusPending = this.highlight !== null;
    if (this.panel) this.panel.reveal(undefined, true);
    else this.panel = this.createPanel();
    void this.refresh();
  }

  /** The last model sent to the webview. */
  lastModel(): DiagramModel | undefined {
    return this.model;
  }

  /** What the webview last reported drawing. */
  lastRendered(): RenderedView | undefined {
    return this.rendered;
  }

  /** Whether the panel is open. */
  isOpen(): boolean {
    return this.panel !== undefined;
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Cluster Topology', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    const dist = (file: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', file)).toString();
    panel.webview.html = topologyHtml({
      cspSource: panel.webview.cspSource,
      nonce: crypto.randomBytes(18).toString('base64'),
      scriptUri: dist('topology.js'),
      styleUri: dist('topology.css'),
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message).catch((error: unknown) => {
      void vscode.window.showErrorMessage(`FreeBSD conf: ${error instanceof Error ? error.message : String(error)}`);
    }));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.highlight = null;
    });
    return panel;
  }

  /** Asks the server again; calls during a request make one more request after it, not one each. */
  refresh(): Promise<void> {
    if (!this.panel) return Promise.resolve();
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.fetch();
        } while (this.refreshAgain && this.panel);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private async fetch(): Promise<void> {
    const failed = this.failures.list();
    try {
      const [current, baseline] = await Promise.all([
        this.connection.topology(failed),
        failed.length > 0 ? this.connection.topology([]) : Promise.resolve(undefined),
      ]);
      this.topologies = { current, baseline };
    } catch {
      // The server stopped during the request: drawn as "not running" until it is back and says so.
      this.topologies = { current: undefined, baseline: undefined };
    }
    this.post();
  }

  /** Builds the model from the last topology and the current diagnostics, and sends it. */
  private post(): void {
    if (!this.panel || !this.topologies) return;
    this.model = diagramModel({ version: ++this.version, ...this.topologies, diagnosticsOf: plainDiagnostics, highlight: this.highlight });
    const message: HostMessage = { type: 'model', model: this.model, focus: this.focusPending ? this.highlight : null };
    this.focusPending = false;
    void this.panel.webview.postMessage(message);
  }

  private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    if (!this.panel || !this.model) return;
    const files = new Set(this.model.clusters.flatMap((c) => c.groups.flatMap((g) => g.members.map((m) => normalUri(m.location.uri)))));
    if (!uris.some((u) => files.has(u.toString()))) return;
    clearTimeout(this.diagnosticsTimer);
    this.diagnosticsTimer = setTimeout(() => this.post(), DIAGNOSTICS_SETTLE_MS);
  }

  /** Messages from the webview: checked for shape, and nodes and members looked up in the last model, never taken on trust. */
  private async onMessage(raw: unknown): Promise<void> {
    if (!isRecord(raw)) return;
    switch (raw.type) {
      case 'ready':
        if (this.topologies) this.post();
        else await this.refresh();
        return;
      case 'rendered':
        if (isRecord(raw.view) && typeof raw.view.version === 'number') {
          this.rendered = raw.view as unknown as RenderedView;
          this.didRender.fire(this.rendered);
        }
        return;
      case 'toggleFailure':
        if (typeof raw.root === 'string' && this.model?.clusters.some((c) => c.nodes.some((n) => n.root === raw.root))) this.failures.toggle(raw.root);
        return;
      case 'restoreAll':
        this.failures.clear();
        return;
      case 'openMember':
        return this.openMember(raw.cluster, raw.group, raw.member);
      case 'exportImage':
        if (raw.format === 'svg' || raw.format === 'png') return this.exportImage(raw.format, raw.data);
        return;
      case 'exportText':
        if (raw.format === 'mermaid' || raw.format === 'dot') return this.exportText(raw.format);
        return;
      case 'renderError':
        if (typeof raw.message === 'string') void vscode.window.showWarningMessage(`FreeBSD conf: the topology diagram: ${raw.message.slice(0, 300)}`);
        return;
    }
  }

  private async openMember(ci: unknown, gi: unknown, mi: unknown): Promise<void> {
    if (typeof ci !== 'number' || typeof gi !== 'number' || typeof mi !== 'number') return;
    const member = this.model?.clusters[ci]?.groups[gi]?.members[mi];
    if (!member) return;
    const { start, end } = member.location.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(member.location.uri), {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
    });
  }

  private async exportImage(format: ExportImageFormat, data: unknown): Promise<void> {
    const bytes = imageBytes(format, data);
    if ('refused' in bytes) {
      void vscode.window.showErrorMessage(`FreeBSD conf: the ${format.toUpperCase()} export was refused: ${bytes.refused}.`);
      return;
    }
    await this.save(format, bytes);
  }

  private async exportText(format: ExportTextFormat): Promise<void> {
    const client = this.connection.running();
    if (!client) {
      void vscode.window.showErrorMessage('FreeBSD conf: the language server is not running; restart it to export the diagram.');
      return;
    }
    const text = await client.sendRequest(TopologyTextRequest, { format, failed: [...this.failures.list()] });
    await this.save(format, new TextEncoder().encode(`${text}\n`));
  }

  /** Asks where to save, then writes through the workspace file system (remote workspaces included). */
  private async save(format: ExportImageFormat | ExportTextFormat, bytes: Uint8Array): Promise<void> {
    const { label, extension } = EXPORT_FILES[format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: `Export the cluster topology as ${label}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `cluster-topology.${extension}`) : undefined,
      filters: { [label]: [extension] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`FreeBSD conf: saved ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    clearTimeout(this.diagnosticsTimer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers the command and returns the panel (activate() hands it to the tests). */
export function registerTopologyPanel(context: vscode.ExtensionContext, connection: ServerConnection, failures: SimulatedFailures): TopologyPanel {
  const panel = new TopologyPanel(context.extensionUri, connection, failures);
  context.subscriptions.push(panel, vscode.commands.registerCommand(SHOW_TOPOLOGY_COMMAND, (arg?: unknown) => panel.show(arg)));
  return panel;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, ProblemSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** Our diagnostics of a file, as plain data. */
function plainDiagnostics(uri: string): PlainDiagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.parse(uri))
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => ({
      severity: SEVERITIES[d.severity],
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
      message: d.message,
      startLine: d.range.start.line,
      endLine: d.range.end.line,
    }));
}

/** A URI string as VS Code writes it, so the server's spelling and the editor's compare equal. */
function normalUri(uri: string): string {
  return vscode.Uri.parse(uri).toString();
}
