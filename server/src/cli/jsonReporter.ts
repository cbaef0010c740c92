// JSON output, as DESIGN.md fixes it: {"version":1,"findings":[…],"summary":{…}}.
// Made in pieces (one per finding) that together are exactly
// `JSON.stringify(output, null, 2)`: a large tree's report is then written
// without building it whole in memory (tens of MB for 10,000 findings, twice
// over when a message holds a character outside Latin-1).
import type { AuditReport, ReportedFinding } from './report.js';
import { countBySeverity } from './report.js';

function outputFinding(finding: ReportedFinding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    related: finding.related.map((related) => ({ file: related.file, line: related.line, column: related.column, message: related.message })),
  };
}

function outputSummary(report: AuditReport) {
  const counts = countBySeverity(report.findings);
  return {
    findings: report.findings.length,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    files: report.filesChecked,
    projects: report.projects,
    policy: report.policy,
    skipped: report.skipped,
    problems: report.problems.map((problem) => ({ file: problem.file, line: problem.line, column: problem.column, message: problem.message })),
  };
}

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep (a JSON string never holds a raw line break). */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** The report in pieces: their concatenation is the whole JSON document, with its final line break. */
export function* jsonPieces(report: AuditReport): Generator<string> {
  const { findings } = report;
  if (findings.length === 0) yield '{\n  "version": 1,\n  "findings": [],\n';
  else {
    yield '{\n  "version": 1,\n  "findings": [\n';
    for (const [index, finding] of findings.entries()) yield `    ${indented(outputFinding(finding), 2)}${index < findings.length - 1 ? ',' : ''}\n`;
    yield '  ],\n';
  }
  yield `  "summary": ${indented(outputSummary(report), 1)}\n}\n`;
}

export function formatJson(report: AuditReport): string {
  return [...jsonPieces(report)].join('');
}
