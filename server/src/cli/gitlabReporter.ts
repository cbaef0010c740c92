// `--format gitlab`: a GitLab Code Quality report (the Code Climate issue
// subset GitLab reads: description, check_name, fingerprint, severity,
// location.path, location.lines.begin), for `artifacts:reports:codequality`.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import type { AuditReport, ReportedFinding } from './report.js';
import type { Severity } from '../engine/types.js';

/** GitLab's scale is info, minor, major, critical, blocker; errors rank above warnings, as ESLint's GitLab formatters map them. */
const severity: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Fingerprints tell GitLab which issues of a merge request are new: they hash
 * the rule, the file, the message and the finding's rank among its equals,
 * not its line, so an issue keeps its fingerprint when lines above it move,
 * and two equal findings in one file still differ (GitLab shows one issue per fingerprint).
 */
function fingerprints(findings: readonly ReportedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = `${finding.rule}\u0000${finding.file}\u0000${finding.message}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return createHash('sha256').update(`${key}\u0000${rank}`).digest('hex');
  });
}

export function codeQualityIssues(report: AuditReport): CodeQualityIssue[] {
  const prints = fingerprints(report.findings);
  return report.findings.map((finding, index) => ({
    description: finding.message,
    check_name: finding.rule,
    fingerprint: prints[index],
    severity: severity[finding.severity],
    location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
  }));
}

export function formatGitlab(report: AuditReport): string {
  return `${JSON.stringify(codeQualityIssues(report), null, 2)}\n`;
}
