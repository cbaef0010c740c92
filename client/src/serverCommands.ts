// "License Claims: Show Output" and "License Claims: Restart Server": the
// language server's log, and a fresh server without reloading the window.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorText } from './serverProgress.js';

export const showOutputCommandId = 'licenseClaims.showOutput';
export const restartServerCommandId = 'licenseClaims.restartServer';

export function registerServerCommands(client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(showOutputCommandId, () => client.outputChannel.show(true)),
    vscode.commands.registerCommand(restartServerCommandId, async () => {
      try {
        await (client.needsStart() ? client.start() : client.restart());
        void vscode.window.setStatusBarMessage('License Claims: language server restarted', 3000);
      } catch (error) {
        void vscode.window.showErrorMessage(`License Claims: the language server did not restart: ${errorText(error)}`, 'Show Output').then((choice) => {
          if (choice) client.outputChannel.show(true);
        });
      }
    }),
  );
}
