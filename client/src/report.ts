// Shows an audit summary: an untitled Markdown document beside the editor,
// then its rendered preview. The Markdown itself comes from auditReport.ts.
import * as vscode from 'vscode';
import type { AuditSummary } from '../../server/src/protocol.js';
import { auditReportMarkdown } from './auditReport.js';

export async function showAuditReport(summary: AuditSummary): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: auditReportMarkdown(summary, root) });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  try {
    // markdown.showPreview renders the active editor's document in its place (a tab in the same group).
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } catch {
    // The built-in Markdown extension is disabled: the document alone still reads well.
  }
}
