// The rule pages (docs/rules/*.md) ship inside the extension and open as a
// Markdown preview, offline: diagnostics' rule links (the server sends the
// GitHub page, for any editor) are pointed at licenseClaims.showRule here,
// and the audit report links to it too. The pages are shown under their own
// scheme, so the language server never checks them as workspace Markdown;
// their links to one another resolve under it too.
import * as vscode from 'vscode';

export const showRuleCommandId = 'licenseClaims.showRule';
export const rulePageScheme = 'license-claims-rule';

const pageName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$|^README\.md$/u;

export function registerRulePages(context: vscode.ExtensionContext): vscode.Disposable {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const provider = vscode.workspace.registerTextDocumentContentProvider(rulePageScheme, {
    async provideTextDocumentContent(uri) {
      const name = uri.path.replace(/^\/+/u, '');
      if (!pageName.test(name)) return `# Not found\n\nLicense Claims has no page ${name}.\n`;
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
      } catch {
        return `# Not found\n\nLicense Claims has no page ${name}.\n`;
      }
    },
  });
  return vscode.Disposable.from(provider, vscode.commands.registerCommand(showRuleCommandId, showRule));
}

async function showRule(rule: unknown): Promise<void> {
  if (typeof rule !== 'string' || !pageName.test(`${rule}.md`)) return;
  await showMarkdownPreview(vscode.Uri.from({ scheme: rulePageScheme, path: `/${rule}.md` }));
}

/** A Markdown preview of `uri` in one tab, locked to it (it does not follow the active editor). */
export async function showMarkdownPreview(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true }); // the built-in Markdown extension is disabled
  }
}

const targets = new Map<string, vscode.Uri>();

/** The link a diagnostic's rule code opens: the packaged page, through licenseClaims.showRule. */
export function offlineRuleLink(rule: string): vscode.Uri | undefined {
  if (!pageName.test(`${rule}.md`) || rule === 'README') return undefined;
  let target = targets.get(rule);
  if (!target) targets.set(rule, (target = vscode.Uri.parse(`command:${showRuleCommandId}?${encodeURIComponent(JSON.stringify([rule]))}`)));
  return target;
}
