// JSON output, as DESIGN.md fixes it: {"version":1,"findings":[…],"summary":{…}}.
import type { AuditReport } from './report.js';
import { countBySeverity } from './report.js';

export function formatJson(report: AuditReport): string {
  const counts = countBySeverity(report.findings);
  const output = {
    version: 1,
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      message: finding.message,
      related: finding.related.map((related) => ({ file: related.file, line: related.line, column: related.column, message: related.message })),
    })),
    summary: {
      findings: report.findings.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      files: report.filesChecked,
      projects: report.projects,
      policy: report.policy,
      skipped: report.skipped,
      problems: report.problems.map((problem) => ({ file: problem.file, line: problem.line, column: problem.column, message: problem.message })),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
