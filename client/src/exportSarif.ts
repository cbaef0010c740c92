// "License Claims: Export SARIF": the server's SARIF 2.1.0 for the last audit
// (it audits first when there was none), saved where the user says, by
// default license-claims.sarif in the first workspace folder.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportSarifRequest } from '../../server/src/protocol.js';
import { errorText, isCancellation, withServerProgress } from './serverProgress.js';

export const exportSarifCommandId = 'licenseClaims.exportSarif';

export function registerExportSarifCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(exportSarifCommandId, () => exportSarif(client));
}

/** Resolves to the written file, or undefined when nothing was written. */
async function exportSarif(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('License Claims: open a folder to export its findings.');
    return undefined;
  }
  let sarif: string;
  try {
    ({ sarif } = await withServerProgress(client, 'License Claims: preparing SARIF…', (workDoneToken, cancellation) =>
      client.sendRequest(exportSarifRequest, { workDoneToken }, cancellation)));
  } catch (error) {
    if (!isCancellation(error)) void vscode.window.showErrorMessage(`License Claims: SARIF export failed: ${errorText(error)}`);
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder.uri, 'license-claims.sarif'),
    filters: { SARIF: ['sarif', 'json'] },
    saveLabel: 'Export SARIF',
    title: 'License Claims: Export SARIF',
  });
  if (!target) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(sarif));
  } catch (error) {
    void vscode.window.showErrorMessage(`License Claims: could not write ${target.fsPath}: ${errorText(error)}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`License Claims: SARIF written to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return target;
}
