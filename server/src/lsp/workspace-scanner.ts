import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis-service';
import { ScanFinishedNotification, type WorkspaceStatus } from '../protocol';
import { excludedBy, type Excluded } from '../workspace/scan';

/** What the scanner asks the server about the client and the workspace, at the time of each scan. */
export interface ScannerContext {
  folders(): readonly string[];
  /** The client answers workspace/configuration (for `files.exclude`). */
  configurationSupport(): boolean;
  /** The client shows window/workDoneProgress. */
  progressSupport(): boolean;
}

/**
 * Scans the workspace folders into the analysis service, one scan at a
 * time: a scan asked for while one runs starts after it (two side by side
 * would load the same folders twice). Leaves out what the user's
 * `files.exclude` hides, shows progress where the client can, and sends
 * scanFinished at the end (tests await it).
 */
export class WorkspaceScanner {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: Connection, private readonly service: AnalysisService, private readonly context: ScannerContext) {}

  /** Scans after any scan under way, and resolves with this scan's status. */
  scan(): Promise<WorkspaceStatus> {
    const next = this.last.catch(() => undefined).then(() => this.scanFolders());
    this.last = next;
    return next;
  }

  private async scanFolders(): Promise<WorkspaceStatus> {
    const folders = [...this.context.folders()];
    const excluded = await this.filesExclude(folders);
    const progress = this.context.progressSupport() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('FreeBSD conf', 0, 'scanning the workspace', false);
    let status: WorkspaceStatus;
    try {
      status = await this.service.scan(folders, {
        excluded: (uri) => excluded.get(uri),
        progress: progress && { report: (message, percentage) => (percentage === undefined ? progress.report(message) : progress.report(percentage, message)) },
      });
    } finally {
      progress?.done();
    }
    void this.connection.sendNotification(ScanFinishedNotification, status);
    return status;
  }

  /** Each folder's `files.exclude`, when the client answers configuration requests. */
  private async filesExclude(uris: readonly string[]): Promise<Map<string, Excluded>> {
    if (!this.context.configurationSupport() || uris.length === 0) return new Map();
    const values: unknown[] = await this.connection.workspace.getConfiguration(uris.map((scopeUri) => ({ scopeUri, section: 'files.exclude' })));
    return new Map(uris.map((uri, i) => [uri, excludedBy(values[i])]));
  }
}
