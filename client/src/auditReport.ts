// The workspace audit as a Markdown report: a pure function of the server's
// AuditSummary (no vscode import), so it is unit-tested with node:test.
import type { AuditFinding, AuditSummary } from '../../server/src/protocol.js';

export const rulesDocsBase = 'https://github.com/license-claims/license-claims/blob/main/docs/rules/';

const severityOrder: Record<AuditFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The report for `summary`. `workspaceRoot` is the first workspace folder's URI
 * (as `Uri.toString()` writes it): paths under it are shown relative to it.
 * A suppression comment under the title keeps the report quiet should it be saved into a workspace.
 */
export function auditReportMarkdown(summary: AuditSummary, workspaceRoot: string | undefined): string {
  const root = workspaceRoot?.replace(/\/+$/u, '');
  const path = (uri: string): string => displayPath(uri, root);
  const count = (severity: AuditFinding['severity']): number => summary.findings.filter((finding) => finding.severity === severity).length;
  const lines = [
    `# License Claims audit${root ? ` of \`${folderName(root)}\`` : ''}`,
    '',
    '<!-- license-claims-disable -->',
    '',
  ];
  if (summary.cancelled) lines.push('> The audit was cancelled: these are the findings up to that point.', '');
  lines.push(
    `**${plural(summary.findings.length, 'finding')}** (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) ` +
      `in ${plural(summary.files, 'file')} across ${plural(summary.projects, 'project')}.`,
  );

  const rules = sortedCounts(summary.byRule);
  if (rules.length > 0) {
    lines.push('', '## Findings per rule', '', '| rule | findings |', '| --- | ---: |');
    for (const [rule, n] of rules) lines.push(`| ${ruleLink(rule)} | ${n} |`);
  }

  const projects = sortedCounts(summary.byProject);
  if (projects.length > 0) {
    lines.push('', '## Findings per project', '', '| project | findings |', '| --- | ---: |');
    for (const [project, n] of projects) lines.push(`| ${codeSpan(path(project))} | ${n} |`);
  }

  lines.push('', '## Findings', '');
  if (summary.findings.length === 0) lines.push('No findings.');
  const findings = [...summary.findings].sort((a, b) =>
    compare(path(a.uri), path(b.uri)) || a.line - b.line || a.character - b.character || severityOrder[a.severity] - severityOrder[b.severity]);
  for (const finding of findings) {
    const location = `${path(finding.uri)}:${finding.line + 1}`;
    const target = rootRelativeTarget(finding.uri, root);
    const shown = target === undefined ? codeSpan(location) : `[${inlineText(location)}](<${target}#L${finding.line + 1}>)`;
    lines.push(`- ${shown} **${finding.severity}** ${codeSpan(finding.rule)}: ${inlineText(finding.message)}`);
  }

  if (summary.skipped.length > 0) {
    const shown = summary.skipped.slice(0, 50);
    lines.push('', '## Skipped files', '');
    for (const skipped of shown) lines.push(`- ${codeSpan(path(skipped.uri))}: ${inlineText(skipped.reason)}`);
    if (summary.skipped.length > shown.length) lines.push(`- … and ${summary.skipped.length - shown.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** A rule id linked to its docs page (ids are kebab-case; anything else is shown as is). */
function ruleLink(rule: string): string {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(rule) ? `[\`${rule}\`](${rulesDocsBase}${rule}.md)` : codeSpan(rule);
}

/**
 * The link target of a file under the workspace root: its path from the root with a leading
 * "/" (still percent-encoded), which VS Code's Markdown preview resolves against the first
 * workspace folder. `file:` links are no use: the preview's markdown-it drops them. Files
 * elsewhere (other folders of a multi-root workspace) get no link.
 */
function rootRelativeTarget(uri: string, root: string | undefined): string | undefined {
  return root && uri.startsWith(`${root}/`) ? uri.slice(root.length) : undefined;
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

function sortedCounts(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || compare(a, b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A code span that survives backticks in the text. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/gu)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text.replace(/\s*\n\s*/gu, ' ')}${pad}${fence}`;
}

/**
 * One line of Markdown that shows `text` literally, keeping its `code spans`
 * (rule messages quote manifest fields that way) and escaping what would
 * otherwise turn into links, emphasis, HTML or table cells.
 */
export function inlineText(text: string): string {
  const escape = (part: string) => part.replace(/[\\`*_[\]<>|#!~]/gu, '\\$&');
  const flat = text.replace(/\s*\n\s*/gu, ' ');
  // code spans found as CommonMark finds them: a backtick run closes only on a run of the same
  // length, so text that only looks like a span ("```![x](https://…)`") is escaped, never rendered
  let out = '';
  let at = 0;
  while (at < flat.length) {
    const tick = flat.indexOf('`', at);
    if (tick < 0) return out + escape(flat.slice(at));
    out += escape(flat.slice(at, tick));
    const run = /^`+/u.exec(flat.slice(tick))![0];
    const runs = /`+/gu;
    runs.lastIndex = tick + run.length;
    let close = -1;
    for (let match = runs.exec(flat); match && close < 0; match = runs.exec(flat)) if (match[0].length === run.length) close = match.index;
    out += close < 0 ? escape(run) : flat.slice(tick, close + run.length);
    at = close < 0 ? tick + run.length : close + run.length;
  }
  return out;
}
