// Text output: `file:line:col severity rule message`, grouped by project,
// then a summary line.
import type { AuditReport } from './report.js';
import { countBySeverity } from './report.js';
import { terminalSafe } from './terminalText.js';

export function formatText(report: AuditReport, displayPathRaw: (file: string) => string): string {
  // file names and messages come from the audited files: one inert line each
  const displayPath = (file: string) => terminalSafe(displayPathRaw(file));
  const lines: string[] = [];
  const byProject = new Map<string, typeof report.findings>();
  for (const finding of report.findings) {
    const list = byProject.get(finding.project) ?? [];
    list.push(finding);
    byProject.set(finding.project, list);
  }
  for (const [project, findings] of byProject) {
    lines.push(displayPath(project));
    for (const finding of findings) {
      lines.push(`  ${displayPath(finding.file)}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${terminalSafe(finding.message)}`);
      for (const related of finding.related) lines.push(`      ↳ ${displayPath(related.file)}:${related.line}:${related.column} ${terminalSafe(related.message)}`);
    }
    lines.push('');
  }
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
