// "License Claims: Explain License…": what the bundled knowledge says about a
// license id or name, or about the license of the LICENSE file in the active
// editor, shown as a Markdown preview (one tab). The hover's "Explain" links
// run the same command with the id.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { explainLicenseCommand, explainLicenseRequest, type ExplainLicenseParams } from '../../server/src/protocol.js';
import { documentSelector } from './languageClient.js';
import { showMarkdownPreview } from './rulePages.js';
import { errorText } from './serverProgress.js';

export const explainScheme = 'license-claims-explain';

export function registerExplainCommand(client: LanguageClient): vscode.Disposable {
  const pages = new Map<string, string>();
  const changes = new vscode.EventEmitter<vscode.Uri>();
  const provider = vscode.workspace.registerTextDocumentContentProvider(explainScheme, { onDidChange: changes.event, provideTextDocumentContent: (uri) => pages.get(uri.path) ?? '' });
  const command = vscode.commands.registerCommand(explainLicenseCommand, async (query?: unknown) => {
    const params = typeof query === 'string' && query.trim() ? { query: query.trim() } : await ask();
    if (!params) return undefined;
    let answer: Awaited<ReturnType<typeof explain>>;
    try {
      answer = await explain(client, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`License Claims: could not explain the license: ${errorText(error)}`);
      return undefined;
    }
    if (!answer) {
      void vscode.window.showWarningMessage(params.query
        ? `License Claims knows no license "${params.query}": not an SPDX id, a Hugging Face license id, or a license in its catalog.`
        : 'License Claims could not identify the license of this file.');
      return undefined;
    }
    const uri = vscode.Uri.from({ scheme: explainScheme, path: `/${answer.name.replace(/[\\/]/gu, ' ')}.md` });
    pages.set(uri.path, answer.markdown);
    changes.fire(uri);
    await showMarkdownPreview(uri);
    return answer.id;
  });
  return vscode.Disposable.from(command, provider, changes);
}

function explain(client: LanguageClient, params: ExplainLicenseParams) {
  return client.sendRequest(explainLicenseRequest, params);
}

/** The license to explain: the active LICENSE file (offered first), or an id or name the user types. */
async function ask(): Promise<ExplainLicenseParams | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const isLicenseFile = active !== undefined && vscode.languages.match(documentSelector.filter((selector) => selector.pattern?.includes('LICENSE')), active) > 0;
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { uri?: string }>();
  pick.title = 'License Claims: Explain License';
  pick.placeholder = 'A license id or name: MIT, llama3, cc-by-nc-4.0, Gemma Terms of Use…';
  const fileItem = isLicenseFile ? [{ label: `$(file) ${vscode.workspace.asRelativePath(active.uri)}`, description: 'the license this file holds', uri: active.uri.toString(), alwaysShow: true }] : [];
  const typed = (value: string) => (value.trim() ? [{ label: value.trim(), description: 'explain this license' }] : []);
  pick.items = fileItem;
  pick.onDidChangeValue((value) => (pick.items = [...typed(value), ...fileItem]));
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      resolve(chosen?.uri ? { uri: chosen.uri } : chosen ? { query: chosen.label } : pick.value.trim() ? { query: pick.value.trim() } : undefined);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
