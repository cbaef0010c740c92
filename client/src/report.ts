// Shows an audit summary in one webview tab beside the editor (a new audit
// updates it in place). The page comes from auditReport.ts; it runs no script
// and may run only the report's own commands, so every link lands: a finding
// opens its file in an editor at its line (licenseClaims.openLocation).
import * as vscode from 'vscode';
import type { AuditSummary } from '../../server/src/protocol.js';
import { auditReportHtml, reportCommands } from './auditReport.js';

export class AuditReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly openLocation = vscode.commands.registerCommand(reportCommands.openLocation, openLocation);

  /** `scope`: a folder's audit (its workspace folder's URI, and its path shown as the title). */
  show(summary: AuditSummary, scope?: { root: string; title: string }): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('licenseClaims.auditReport', 'License Claims audit', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: false,
        enableCommandUris: Object.values(reportCommands),
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.webview.html = auditReportHtml(summary, {
      workspaceRoot: scope?.root ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString(),
      title: scope?.title,
      cspSource: this.panel.webview.cspSource,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.openLocation.dispose();
  }
}

/** Opens a file in a text editor (never a preview) with the cursor at a 0-based line and character. */
async function openLocation(uri: string, line = 0, character = 0): Promise<void> {
  const position = new vscode.Position(Math.max(0, line), Math.max(0, character));
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position), preview: false, viewColumn: vscode.ViewColumn.One });
}
