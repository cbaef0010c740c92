// `--format github`: one GitHub Actions workflow command per finding
// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`),
// which GitHub turns into annotations on the file and line. Any CI that reads
// these commands can use it; nothing else is printed.
import type { AuditReport, ReportedFinding } from './report.js';
import type { Severity } from '../engine/types.js';
import { terminalSafe } from './terminalText.js';

const command: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * A command's message: `%`, CR and LF escaped as @actions/core does, so a
 * message can never end the command early or start another on a new line
 * (other control characters are shown as escapes, as on a terminal).
 */
export function commandData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** A command's property value: as data, and `:` and `,` too (they end the value). */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/** The annotation command of one finding; its related locations are further lines of the message. */
export function annotation(finding: ReportedFinding): string {
  const properties = [
    `file=${commandProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    // columns only on one line: GitHub ignores them (or misplaces the annotation) across lines
    ...(finding.line === finding.endLine ? [`col=${finding.column}`, `endColumn=${Math.max(finding.endColumn, finding.column)}`] : []),
    `title=${commandProperty(finding.rule)}`,
  ];
  const lines = [terminalSafe(finding.message), ...finding.related.map((related) => terminalSafe(`${related.file}:${related.line}:${related.column}: ${related.message}`))];
  return `::${command[finding.severity]} ${properties.join(',')}::${commandData(lines.join('\n'))}\n`;
}

export function formatGithub(report: AuditReport): string {
  const problems = report.problems.map(
    (problem) => `::warning file=${commandProperty(problem.file)},line=${problem.line},col=${problem.column},title=license-claims::${commandData(terminalSafe(problem.message))}\n`,
  );
  return report.findings.map(annotation).join('') + problems.join('');
}
