// What an audit run produced, in the terms every reporter uses: findings with
// 1-based positions, paths relative to the first audited path.
import type { Severity } from '../engine/types.js';
import type { AuditResult } from '../engine/audit.js';
import type { Positions, Region } from './positions.js';
import type { Skip } from '../files/walk.js';

export interface ReportedFinding extends Region {
  rule: string;
  severity: Severity;
  file: string;
  message: string;
  related: ({ file: string; message: string } & Region)[];
  project: string;
}

export interface AuditReport {
  /** The audited paths as given; `file` fields are relative to the first. */
  roots: string[];
  /** Absolute path of the first root (SARIF's %SRCROOT%). */
  baseDirectory: string;
  findings: ReportedFinding[];
  problems: ({ file: string; message: string } & Region)[];
  skipped: Skip[];
  ignoredFolders: number;
  filesChecked: number;
  projects: number;
  policy: string;
}

export function countBySeverity(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Engine findings with 1-based positions; `shown` turns an engine path into the report's path. */
export function reportedFindings(result: AuditResult, positions: Positions, shown: (path: string) => string): ReportedFinding[] {
  return result.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    file: shown(finding.file),
    message: finding.message,
    ...positions.region(finding.file, finding.span),
    related: finding.related.map((related) => ({ file: shown(related.file), message: related.message, ...positions.region(related.file, related.span) })),
    project: shown(result.workspace.projectOf(finding.file).root),
  }));
}

/**
 * Reported findings of projects judged one by one, sorted as the engine sorts
 * a whole tree's: by file (its path as the engine knows it), each file's in
 * its project's order (a file's findings all come from one project).
 */
export function sortedByFile(entries: { file: string; finding: ReportedFinding }[]): ReportedFinding[] {
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((entry) => entry.finding);
}
