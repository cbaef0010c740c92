// The GitHub Actions job summary (Markdown, appended to $GITHUB_STEP_SUMMARY):
// the totals, the findings per rule with their documentation, and the first
// findings linked to their lines.
import type { AuditReport, ReportedFinding } from './report.js';
import { countBySeverity } from './report.js';
import { docsUrl } from '../engine/rules/index.js';
import { terminalSafe } from './terminalText.js';

/** How many findings the summary lists (the annotations and the SARIF file have them all). */
export const summaryFindingLimit = 20;

/** Where the summary's links point: `${server}/${repository}/blob/${sha}/PATH#Lline`. */
export interface SourceLinks {
  server: string;
  repository: string;
  sha: string;
}

/**
 * Text from the audited files (a license value, a file name) as inert text in
 * one Markdown table cell: the ASCII punctuation that Markdown, HTML or an
 * autolink (`https://…`) could read is backslash-escaped (CommonMark shows an
 * escaped punctuation character as itself), line breaks and control
 * characters are shown as escapes.
 */
export function markdownText(text: string): string {
  return terminalSafe(text).replace(/[\\`*_{}[\]()#+\-.!|~<>&"':;=/]/gu, '\\$&');
}

function lineUrl(links: SourceLinks | undefined, finding: ReportedFinding): string | undefined {
  // a file outside the workspace has no page in the repository
  if (!links || finding.file === '.' || finding.file.startsWith('../')) return undefined;
  const path = finding.file.split('/').map(encodeURIComponent).join('/');
  return `${links.server}/${links.repository}/blob/${links.sha}/${path}#L${finding.line}`;
}

export function formatGithubSummary(report: AuditReport, failing: boolean, links?: SourceLinks): string {
  const counts = countBySeverity(report.findings);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const lines = ['## License Claims', ''];
  const checked = `${plural(report.filesChecked, 'file')} in ${plural(report.projects, 'project')} checked, policy \`${markdownText(report.policy)}\``;
  if (report.findings.length === 0) {
    lines.push(`✔ No findings: ${checked}.`);
  } else {
    lines.push(
      `${failing ? '✖' : '⚠'} **${plural(report.findings.length, 'finding')}** (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info): ${checked}.`,
      '',
      '| Rule | Findings |',
      '|---|---:|',
    );
    const perRule = new Map<string, number>();
    for (const finding of report.findings) perRule.set(finding.rule, (perRule.get(finding.rule) ?? 0) + 1);
    for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) lines.push(`| [\`${rule}\`](${docsUrl(rule)}) | ${count} |`);
    lines.push('', `### ${report.findings.length > summaryFindingLimit ? `The first ${summaryFindingLimit} findings` : 'Findings'}`, '', '| | Where | Rule | Why |', '|---|---|---|---|');
    for (const finding of report.findings.slice(0, summaryFindingLimit)) {
      const where = `${markdownText(finding.file)}:${finding.line}:${finding.column}`;
      const url = lineUrl(links, finding);
      lines.push(`| ${finding.severity} | ${url ? `[${where}](${url})` : where} | \`${finding.rule}\` | ${markdownText(finding.message)} |`);
    }
    if (report.findings.length > summaryFindingLimit) lines.push('', `…and ${report.findings.length - summaryFindingLimit} more, in the annotations and the SARIF file.`);
  }
  if (report.problems.length > 0) lines.push('', `${plural(report.problems.length, 'file')} could not be parsed (see the annotations).`);
  if (report.skipped.length > 0) lines.push('', `${plural(report.skipped.length, 'file')} skipped (see the log).`);
  return `${lines.join('\n')}\n`;
}
