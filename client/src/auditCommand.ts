// "License Claims: Audit Workspace" (and "Audit Folder" from the Explorer's
// context menu): the server audits every file of the workspace folder
// (publishing diagnostics for all of them) under a cancellable progress
// notification; then the summary opens as a report. A folder's report lists
// the findings under that folder, judged with the declarations of the whole
// workspace folder (a sub-folder audited alone would lose the root LICENSE).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { auditWorkspaceRequest, type AuditSummary } from '../../server/src/protocol.js';
import { summaryUnder } from './auditReport.js';
import type { AuditReportView } from './report.js';
import { errorText, isCancellation, withServerProgress } from './serverProgress.js';

export const auditCommandId = 'licenseClaims.auditWorkspace';
export const auditFolderCommandId = 'licenseClaims.auditFolder';

export function registerAuditCommand(client: LanguageClient, report: AuditReportView): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(auditCommandId, () => audit(client, report)),
    vscode.commands.registerCommand(auditFolderCommandId, (folder?: unknown) => audit(client, report, folder instanceof vscode.Uri ? folder : undefined)),
  );
}

/** Resolves to the summary (for tests and other extensions too), or undefined when there was none. */
async function audit(client: LanguageClient, report: AuditReportView, folder?: vscode.Uri): Promise<AuditSummary | undefined> {
  const workspaceFolder = folder ? vscode.workspace.getWorkspaceFolder(folder) : undefined;
  if (!vscode.workspace.workspaceFolders?.length || (folder && !workspaceFolder)) {
    void vscode.window.showInformationMessage(folder ? 'License Claims: only folders of the workspace can be audited.' : 'License Claims: open a folder to audit it.');
    return undefined;
  }
  const name = folder ? vscode.workspace.asRelativePath(folder, false) : undefined;
  let summary: AuditSummary;
  try {
    summary = await withServerProgress(client, `License Claims: auditing ${name ?? 'the workspace'}…`, (workDoneToken, cancellation) =>
      client.sendRequest(auditWorkspaceRequest, { workDoneToken, ...(workspaceFolder ? { folders: [workspaceFolder.uri.toString()] } : {}) }, cancellation));
  } catch (error) {
    if (!isCancellation(error)) void vscode.window.showErrorMessage(`License Claims: the audit failed: ${errorText(error)}`);
    return undefined;
  }
  const shown = folder && workspaceFolder && folder.toString() !== workspaceFolder.uri.toString() ? summaryUnder(summary, folder.toString()) : summary;
  report.show(shown, folder && name !== undefined ? { root: workspaceFolder!.uri.toString(), title: name } : undefined);
  return shown;
}
