// The workspace audit as an HTML page for a webview: a pure function of the
// server's AuditSummary (no vscode import), so it is unit-tested with node:test.
// Findings are grouped by rule, then by project, in collapsed sections with
// counts; each group lists a bounded number of findings and says where the
// rest are (the Problems panel, a SARIF export). Every link is a `command:`
// link (the webview allows only the commands in `reportCommands`): a finding
// opens its file in an editor at its line, whatever the Markdown settings.
import type { AuditFinding, AuditSummary } from '../../server/src/protocol.js';

/** Commands the report links to; the webview enables exactly these. */
export const reportCommands = {
  openLocation: 'licenseClaims.openLocation',
  showRule: 'licenseClaims.showRule',
  exportSarif: 'licenseClaims.exportSarif',
  showProblems: 'workbench.actions.view.problems',
} as const;

export interface ReportOptions {
  /** The first workspace folder's URI (as `Uri.toString()` writes it): paths under it are shown relative to it. */
  workspaceRoot?: string;
  /** What was audited, when not the workspace root (a folder's path from it). */
  title?: string;
  /** The webview's `cspSource` (styles only: the page runs no script). */
  cspSource?: string;
  /** Findings listed per rule-and-project group, and in the whole page; the rest are counted. */
  perGroup?: number;
  total?: number;
}

const severityOrder: Record<AuditFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

export function auditReportHtml(summary: AuditSummary, options: ReportOptions = {}): string {
  const root = options.workspaceRoot?.replace(/\/+$/u, '');
  const perGroup = options.perGroup ?? 50;
  let budget = options.total ?? 500;
  const path = (uri: string): string => displayPath(uri, root);
  const count = (severity: AuditFinding['severity']): number => summary.findings.filter((finding) => finding.severity === severity).length;
  const body: string[] = [];
  const audited = options.title ?? (root ? folderName(root) : undefined);
  body.push(`<h1>License Claims audit${audited ? ` of <code>${escapeHtml(audited)}</code>` : ''}</h1>`);
  if (summary.cancelled) body.push('<p class="note">The audit was cancelled: these are the findings up to that point.</p>');
  body.push(
    `<p class="totals"><strong>${plural(summary.findings.length, 'finding')}</strong> (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) ` +
      `in ${plural(summary.files, 'file')} across ${plural(summary.projects, 'project')}.</p>`,
  );
  body.push(`<p class="actions">${commandLink(reportCommands.showProblems, [], 'Show them in the Problems panel')} · ${commandLink(reportCommands.exportSarif, [], 'Export SARIF')}</p>`);

  const byRule = new Map<string, AuditFinding[]>();
  for (const finding of summary.findings) groupInto(byRule, finding.rule, finding);
  const rules = [...byRule.entries()].sort(([a, x], [b, y]) => y.length - x.length || compare(a, b));
  // a short report opens fully; a long one shows its groups and counts first
  const open = summary.findings.length <= 20 ? ' open' : '';
  if (rules.length === 0) body.push('<p>No findings.</p>');
  for (const [rule, findings] of rules) {
    const description = summary.ruleSummaries?.[rule];
    body.push(`<details class="rule"${open}><summary><span class="count">${findings.length}</span> ${ruleLink(rule)}${description ? ` <span class="summary">${escapeHtml(description)}</span>` : ''}</summary>`);
    const byProject = new Map<string, AuditFinding[]>();
    for (const finding of findings) groupInto(byProject, finding.project, finding);
    const projects = [...byProject.entries()].sort(([a, x], [b, y]) => y.length - x.length || compare(path(a), path(b)));
    for (const [project, inProject] of projects) {
      body.push(`<details class="project"${open}><summary><span class="count">${inProject.length}</span> ${projectLabel(project, root)}</summary><ul>`);
      const sorted = [...inProject].sort((a, b) =>
        compare(path(a.uri), path(b.uri)) || a.line - b.line || a.character - b.character || severityOrder[a.severity] - severityOrder[b.severity]);
      const shown = sorted.slice(0, Math.max(0, Math.min(perGroup, budget)));
      budget -= shown.length;
      for (const finding of shown) {
        const location = `${path(finding.uri)}:${finding.line + 1}`;
        body.push(`<li><span class="severity ${finding.severity}">${finding.severity}</span> ${commandLink(reportCommands.openLocation, [finding.uri, finding.line, finding.character], location, 'location')} ${messageHtml(finding.message)}</li>`);
      }
      if (sorted.length > shown.length) {
        body.push(`<li class="more">… and ${sorted.length - shown.length} more: see the ${commandLink(reportCommands.showProblems, [], 'Problems panel')} or ${commandLink(reportCommands.exportSarif, [], 'export SARIF')}.</li>`);
      }
      body.push('</ul></details>');
    }
    body.push('</details>');
  }

  if (summary.skipped.length > 0) {
    const shown = summary.skipped.slice(0, 50);
    body.push(`<details class="skipped"><summary><span class="count">${summary.skipped.length}</span> skipped files</summary><ul>`);
    for (const skipped of shown) body.push(`<li><code>${escapeHtml(path(skipped.uri))}</code>: ${escapeHtml(skipped.reason)}</li>`);
    if (summary.skipped.length > shown.length) body.push(`<li class="more">… and ${summary.skipped.length - shown.length} more</li>`);
    body.push('</ul></details>');
  }
  return page(body.join('\n'), options.cspSource);
}

/** The part of a summary under a folder (its findings, their counts, its skipped files). */
export function summaryUnder(summary: AuditSummary, folder: string): AuditSummary {
  const prefix = `${folder.replace(/\/+$/u, '')}/`;
  const under = (uri: string) => uri.startsWith(prefix);
  const findings = summary.findings.filter((finding) => under(finding.uri));
  const byRule: Record<string, number> = {};
  const byProject: Record<string, number> = {};
  for (const finding of findings) {
    byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
    byProject[finding.project] = (byProject[finding.project] ?? 0) + 1;
  }
  const projects = Object.keys(summary.byProject).filter((project) => under(`${project}/`) || `${project}/`.startsWith(prefix));
  return { ...summary, findings, byRule, byProject, projects: projects.length, files: new Set(findings.map((finding) => finding.uri)).size, skipped: summary.skipped.filter((skipped) => under(skipped.uri)) };
}

function page(body: string, cspSource: string | undefined): string {
  const csp = `default-src 'none'; style-src ${cspSource ? `${cspSource} ` : ''}'unsafe-inline'; img-src 'none'; script-src 'none';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>License Claims audit</title>
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.5; }
h1 { font-size: 1.5em; font-weight: 600; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: var(--vscode-editor-font-family); }
details { margin: 4px 0; }
details.project { margin-left: 18px; }
summary { cursor: pointer; padding: 2px 0; }
ul { list-style: none; padding-left: 36px; margin: 2px 0 6px; }
li { margin: 3px 0; }
.count { display: inline-block; min-width: 2.5em; text-align: right; margin-right: 6px; font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground); }
.summary { color: var(--vscode-descriptionForeground); }
.severity { display: inline-block; min-width: 4.5em; font-size: 0.85em; text-transform: uppercase; }
.severity.error { color: var(--vscode-editorError-foreground); }
.severity.warning { color: var(--vscode-editorWarning-foreground); }
.severity.info { color: var(--vscode-editorInfo-foreground); }
.location { font-family: var(--vscode-editor-font-family); margin-right: 6px; }
.note { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 8px; }
.more { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A link that runs `command` with `args` (the webview allows only the report's commands). */
function commandLink(command: string, args: unknown[], label: string, className?: string): string {
  const href = args.length > 0 ? `command:${command}?${encodeURIComponent(JSON.stringify(args))}` : `command:${command}`;
  return `<a${className ? ` class="${className}"` : ''} href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

/** A rule id linked to its page (shipped in the extension, shown offline); anything not kebab-case is shown as is. */
function ruleLink(rule: string): string {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(rule) ? commandLink(reportCommands.showRule, [rule], rule, 'rule') : `<code>${escapeHtml(rule)}</code>`;
}

/** The root project is named by its folder ("helix model (root)"), others by their path from the root. */
function projectLabel(project: string, root: string | undefined): string {
  const shown = displayPath(project, root);
  return shown === '.' && root ? `<code>${escapeHtml(folderName(root))}</code> (workspace root)` : `<code>${escapeHtml(shown)}</code>`;
}

/** A message as text, its `code spans` shown as code. */
export function messageHtml(message: string): string {
  return message
    .replace(/\s*\n\s*/gu, ' ')
    .split(/(`[^`]+`)/u)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** `uri` relative to `root` ("." for the root itself), otherwise its decoded path. */
export function displayPath(uri: string, workspaceRoot: string | undefined): string {
  const root = workspaceRoot?.replace(/\/+$/u, '');
  if (root && uri.replace(/\/+$/u, '') === root) return '.';
  if (root && uri.startsWith(`${root}/`)) return decode(uri.slice(root.length + 1));
  return decode(uri.startsWith('file://') ? uri.slice('file://'.length) : uri);
}

function folderName(root: string): string {
  return decode(root.slice(root.lastIndexOf('/') + 1)) || root;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function groupInto<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
