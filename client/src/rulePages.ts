// The rule pages (docs/rules/*.md) ship inside the extension and open as a
// Markdown preview, offline: diagnostics' rule links (the server sends the
// GitHub page, for any editor) are pointed at licenseClaims.showRule here,
// and the audit report links to it too.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const showRuleCommandId = 'licenseClaims.showRule';

const ruleId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
let extensionUri: vscode.Uri | undefined;

const pageOf = (rule: string) => (extensionUri && ruleId.test(rule) ? vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`) : undefined);

export function registerRulePages(context: vscode.ExtensionContext): vscode.Disposable {
  extensionUri = context.extensionUri;
  return vscode.commands.registerCommand(showRuleCommandId, showRule);
}

async function showRule(rule: unknown): Promise<void> {
  const page = typeof rule === 'string' ? pageOf(rule) : undefined;
  if (!page || !fs.existsSync(page.fsPath)) {
    void vscode.window.showWarningMessage(`License Claims: there is no page for the rule ${String(rule)}.`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.window.showTextDocument(page, { preview: true }); // the built-in Markdown extension is disabled
  }
}

const targets = new Map<string, vscode.Uri>();

/** The link a diagnostic's rule code opens: the packaged page, through licenseClaims.showRule. */
export function offlineRuleLink(rule: string): vscode.Uri | undefined {
  if (!ruleId.test(rule)) return undefined;
  let target = targets.get(rule);
  if (!target) targets.set(rule, (target = vscode.Uri.parse(`command:${showRuleCommandId}?${encodeURIComponent(JSON.stringify([rule]))}`)));
  return target;
}

const summaries = new Map<string, string | undefined>();

/** A rule's first sentence, from its packaged page (for the audit report). */
export function ruleSummary(rule: string): string | undefined {
  if (summaries.has(rule)) return summaries.get(rule);
  let summary: string | undefined;
  try {
    const page = pageOf(rule);
    const text = page ? fs.readFileSync(page.fsPath, 'utf8') : '';
    const paragraph = /^#[^\n]*\n+([^#\n][^]*?)(?:\n\s*\n|$)/u.exec(text)?.[1];
    const plain = paragraph?.replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/\s+/gu, ' ').trim();
    summary = plain ? /^.*?[.:](?=\s|$)/u.exec(plain)?.[0] ?? plain : undefined;
  } catch {
    summary = undefined;
  }
  summaries.set(rule, summary);
  return summary;
}
