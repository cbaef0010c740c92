// "License Claims: Audit Workspace": the server audits every file of the
// workspace (publishing diagnostics for all of them) under a cancellable
// progress notification; then the summary opens as a report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { auditWorkspaceRequest, type AuditSummary } from '../../server/src/protocol.js';
import type { AuditReportView } from './report.js';
import { errorText, isCancellation, withServerProgress } from './serverProgress.js';

export const auditCommandId = 'licenseClaims.auditWorkspace';

export function registerAuditCommand(client: LanguageClient, report: AuditReportView): vscode.Disposable {
  return vscode.commands.registerCommand(auditCommandId, () => auditWorkspace(client, report));
}

/** Resolves to the summary (for tests and other extensions too), or undefined when there was none. */
async function auditWorkspace(client: LanguageClient, report: AuditReportView): Promise<AuditSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('License Claims: open a folder to audit it.');
    return undefined;
  }
  let summary: AuditSummary;
  try {
    summary = await withServerProgress(client, 'License Claims: auditing…', (workDoneToken, cancellation) =>
      client.sendRequest(auditWorkspaceRequest, { workDoneToken }, cancellation));
  } catch (error) {
    if (!isCancellation(error)) void vscode.window.showErrorMessage(`License Claims: the audit failed: ${errorText(error)}`);
    return undefined;
  }
  await report.show(summary);
  return summary;
}
