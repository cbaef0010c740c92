// The VS Code face of License Claims: starts the language server and wires
// the commands and the status bar to it. No judging happens here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAuditCommand } from './auditCommand.js';
import { registerExplainCommand } from './explainCommand.js';
import { registerExportSarifCommand } from './exportSarif.js';
import { createLanguageClient } from './languageClient.js';
import { AuditReportView } from './report.js';
import { registerRulePages } from './rulePages.js';
import { registerServerCommands } from './serverCommands.js';
import { ProjectStatusBar } from './statusBar.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  const report = new AuditReportView();
  context.subscriptions.push(
    report,
    registerRulePages(context),
    registerAuditCommand(client, report),
    registerExportSarifCommand(client),
    registerExplainCommand(client),
    registerServerCommands(client),
    new ProjectStatusBar(client),
  );
  try {
    await client.start();
  } catch (error) {
    // The client has already logged the reason in its output channel; the commands say "not running".
    client.error('License Claims: the language server did not start.', error, 'force');
  }
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.needsStop()) await stopping.stop();
}
