// Text output: `file:line:col severity rule message`, grouped by project,
// then a summary line.
import type { AuditReport, ReportedFinding } from './report.js';
import { countBySeverity } from './report.js';
import { terminalSafe } from './terminalText.js';

export function formatText(report: AuditReport, displayPath: (file: string) => string): string {
  const byProject = new Map<string, typeof report.findings>();
  for (const finding of report.findings) {
    const list = byProject.get(finding.project) ?? [];
    list.push(finding);
    byProject.set(finding.project, list);
  }
  return [...byProject].map(([project, findings]) => formatProject(project, findings, displayPath)).join('') + formatSummary(report);
}

/** One project's block: its path, then its findings, then a blank line (the CLI prints each as its project is judged). */
export function formatProject(project: string, findings: readonly ReportedFinding[], displayPathRaw: (file: string) => string): string {
  if (findings.length === 0) return '';
  // file names and messages come from the audited files: one inert line each
  const displayPath = (file: string) => terminalSafe(displayPathRaw(file));
  const lines = [displayPath(project)];
  for (const finding of findings) {
    lines.push(`  ${displayPath(finding.file)}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${terminalSafe(finding.message)}`);
    for (const related of finding.related) lines.push(`      ↳ ${displayPath(related.file)}:${related.line}:${related.column} ${terminalSafe(related.message)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** The last line: counts, files, projects, policy. */
export function formatSummary(report: AuditReport): string {
  const lines: string[] = [];
  const counts = countBySeverity(report.findings);
  const total = report.findings.length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${total === 0 ? '✔ no findings' : `✖ ${plural(total, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`}` +
      ` — ${plural(report.filesChecked, 'file')} in ${plural(report.projects, 'project')} checked, policy ${report.policy}` +
      `${report.skipped.length ? `, ${plural(report.skipped.length, 'file')} skipped` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
