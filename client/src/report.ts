// Shows an audit summary as a read-only Markdown document beside the editor,
// then its rendered preview. The text comes from auditReport.ts; the document
// lives under its own scheme, so it is never "Untitled", never asks to be
// saved, is not sent to the language server, and a new audit updates the
// open report and its preview in place.
import * as vscode from 'vscode';
import type { AuditSummary } from '../../server/src/protocol.js';
import { auditReportMarkdown } from './auditReport.js';

export const reportScheme = 'license-claims-report';

export class AuditReportView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly uri = vscode.Uri.from({ scheme: reportScheme, path: '/License Claims audit.md' });
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(reportScheme, this);
  private markdown = '';

  provideTextDocumentContent(): string {
    return this.markdown;
  }

  async show(summary: AuditSummary): Promise<void> {
    this.markdown = auditReportMarkdown(summary, vscode.workspace.workspaceFolders?.[0]?.uri.toString());
    this.changes.fire(this.uri);
    const document = await vscode.workspace.openTextDocument(this.uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    try {
      // renders the report in its editor group, in front of the text; locked, so that it keeps
      // showing the report instead of following the active Markdown editor
      await vscode.commands.executeCommand('markdown.showPreview', this.uri, undefined, { locked: true });
    } catch {
      // the built-in Markdown extension is disabled: the text alone still reads well
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }
}
