// The status bar item: the active document's project license and verdict, and
// the number of findings in the document, as the server reports them
// (licenseClaims/projectStatus). Clicking it audits the workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { projectStatusRequest, type ProjectStatus } from '../../server/src/protocol.js';
import { auditCommandId } from './auditCommand.js';
import { documentSelector } from './languageClient.js';

const refreshDelayMs = 250;
const maxLicenseLength = 40;

const presentation: Record<ProjectStatus['verdict'], { icon: string; label?: string; meaning: string }> = {
  open: { icon: '$(law)', meaning: 'open source under the policy' },
  'partly-open': { icon: '$(warning)', label: 'partly open', meaning: 'only partly open source under the policy' },
  'not-open': { icon: '$(warning)', label: 'not open', meaning: 'not open source under the policy' },
  unknown: { icon: '$(question)', label: 'unverifiable', meaning: 'a license whose terms cannot be judged' },
  none: { icon: '$(warning)', meaning: 'no license declared' },
};

/** A project by its path in the workspace; the root project by its folder's name (never an absolute path). */
function projectName(project: string): string {
  const uri = vscode.Uri.parse(project);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.fsPath;
  if (folder.uri.toString() === uri.toString().replace(/\/+$/u, '')) return folder.name;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

export class ProjectStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('licenseClaims.projectStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Drops answers that arrive after a newer refresh started. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'License Claims';
    this.item.command = auditCommandId;
    const isActive = (uri: vscode.Uri): boolean => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString();
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some(isActive)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('licenseClaims')) this.schedule();
      }),
      client.onDidChangeState(() => this.schedule()),
    ];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), refreshDelayMs);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isStatusDocument(document) || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    let status: ProjectStatus | undefined;
    try {
      status = await this.client.sendRequest(projectStatusRequest, { uri: document.uri.toString() });
    } catch {
      status = undefined; // the server is restarting or does not know the document: say nothing rather than guess
    }
    if (generation !== this.generation) return;
    if (!status || (status.project === null && status.verdict === 'none')) {
      this.item.hide();
      return;
    }
    this.render(status);
    this.item.show();
  }

  /** The files the server checks (it knows only those), unless checking is off for them. */
  private isStatusDocument(document: vscode.TextDocument): boolean {
    return vscode.languages.match(documentSelector, document) > 0 && vscode.workspace.getConfiguration('licenseClaims', document.uri).get<boolean>('enable', true);
  }

  private render(status: ProjectStatus): void {
    const { icon, label, meaning } = presentation[status.verdict];
    const licenses = status.verdict === 'none' ? 'no license' : status.licenses;
    const shortLicenses = licenses.length > maxLicenseLength ? `${licenses.slice(0, maxLicenseLength - 1)}…` : licenses;
    this.item.text = [`${icon} ${shortLicenses}`, ...(label ? [label] : []), ...(status.findings > 0 ? [String(status.findings)] : [])].join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**License Claims**\n\n');
    if (status.project) tooltip.appendMarkdown(`Project: \`${projectName(status.project)}\`\n\n`);
    tooltip.appendText(`Declared: ${licenses} (${meaning})`);
    tooltip.appendMarkdown(`\n\nFindings in this file: ${status.findings}\n\nClick to audit the workspace.`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `License Claims: ${licenses}, ${meaning}, ${status.findings} findings in this file` };
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(this.item, ...this.subscriptions).dispose();
  }
}
