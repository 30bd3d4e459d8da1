import * as fs from 'node:fs/promises';
import type { Connection } from 'vscode-languageserver/node';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  CheckWorkspaceRequest, ManifestDraftRequest,
  type CheckWorkspaceResult, type ManifestDraft, type ManifestDraftParams, type WorkspaceStatus,
} from '../protocol';
import { manifestDraft } from '../features/manifest-draft';
import { fsPathToUri, uriToFsPath } from '../workspace/uri-path';
import type { AnalysisService } from './analysis-service';
import type { Lifecycle } from './lifecycle';

/**
 * The requests behind the editor's workspace-wide commands: "Check the whole
 * workspace" and "Create freebsd-conf.json from the detected nodes".
 */

/**
 * The severities of the diagnostics last published per file, so a check can
 * answer how many problems the Problems panel now shows without keeping
 * the diagnostics themselves.
 */
export class DiagnosticTally {
  private readonly byUri = new Map<string, [number, number, number, number]>();

  /** Called with every publication; an empty list forgets the file. */
  record(uri: string, diagnostics: readonly Diagnostic[]): void {
    if (diagnostics.length === 0) {
      this.byUri.delete(uri);
      return;
    }
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    for (const d of diagnostics) counts[(d.severity ?? DiagnosticSeverity.Error) - 1]++;
    this.byUri.set(uri, counts);
  }

  totals(): Omit<CheckWorkspaceResult, 'status'> {
    const out = { errors: 0, warnings: 0, information: 0, hints: 0, filesWithProblems: 0 };
    for (const [e, w, i, h] of this.byUri.values()) {
      out.errors += e;
      out.warnings += w;
      out.information += i;
      out.hints += h;
      if (e + w > 0) out.filesWithProblems++;
    }
    return out;
  }
}

export interface WorkspaceCommandDeps {
  service: AnalysisService;
  lifecycle: Lifecycle;
  tally: DiagnosticTally;
  /** Scans every workspace folder again (after any scan under way) and publishes everything. */
  rescan(): Promise<WorkspaceStatus>;
  /** The workspace folders, as the client named them. */
  folders(): readonly string[];
}

export function registerWorkspaceCommands(connection: Connection, deps: WorkspaceCommandDeps): void {
  connection.onRequest(
    CheckWorkspaceRequest,
    deps.lifecycle.request(async (): Promise<CheckWorkspaceResult> => {
      await forgetVanished(deps.service);
      const status = await deps.rescan();
      return { status, ...deps.tally.totals() };
    }),
  );
  connection.onRequest(ManifestDraftRequest, deps.lifecycle.request((params) => draftFor(deps, params)));
}

function draftFor(deps: WorkspaceCommandDeps, params: ManifestDraftParams | null | undefined): ManifestDraft | null {
  const asked = typeof params?.folder === 'string' ? params.folder : undefined;
  const folder = asked ?? deps.folders()[0];
  if (folder === undefined) return null;
  // The client may spell a URI differently from the server's file URIs (VS Code escapes more characters).
  const local = uriToFsPath(folder);
  const draft = manifestDraft(deps.service.workspace, local === undefined ? folder : fsPathToUri(local));
  return { ...draft, folder };
}

/**
 * Files the index holds that are gone from the disk, deleted while no file
 * watcher reported it (a watcher exclusion, a server started after the
 * deletion): a scan only adds what it finds, so they leave the index here,
 * with their findings. Open buffers stay (their text is the truth).
 */
async function forgetVanished(service: AnalysisService): Promise<void> {
  const gone: string[] = [];
  await Promise.all(
    [...service.workspace.documents()].map(async ({ uri }) => {
      const file = uriToFsPath(uri);
      if (file === undefined) return;
      try {
        await fs.stat(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') gone.push(uri);
      }
    }),
  );
  for (const uri of gone) await service.diskChanged(uri, true);
}
