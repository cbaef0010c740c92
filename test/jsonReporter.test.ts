// The JSON report is written in pieces (cli/jsonReporter.ts jsonPieces): they
// must add up to exactly the document JSON.stringify makes of the whole report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson, jsonPieces } from '../server/src/cli/jsonReporter.js';
import type { AuditReport, ReportedFinding } from '../server/src/cli/report.js';

function finding(index: number, related: number): ReportedFinding {
  return {
    rule: index % 2 ? 'claim-non-osi-license' : 'deprecated-license-id',
    severity: index % 3 ? 'error' : 'warning',
    file: `packages/p${index}/README.md`,
    line: index + 1,
    column: 3,
    endLine: index + 1,
    endColumn: 20,
    // a line break, quotes, a backslash, a character outside Latin-1 and a lone surrogate, as a message may hold
    message: `Openwashing “open-source” ${index}: "quoted"\\ and\nnext line \ud800 — Llama 3 Community License.`,
    related: Array.from({ length: related }, (_, at) => ({ file: `LICENSE${at}`, line: at + 1, column: 1, endLine: at + 1, endColumn: 5, message: `declared here ${at}` })),
    project: `packages/p${index}`,
  };
}

function report(findings: ReportedFinding[], problems: AuditReport['problems'] = []): AuditReport {
  return { roots: ['.'], baseDirectory: '/tmp/x', findings, problems, skipped: [{ path: 'big.md', reason: 'too large' }], ignoredFolders: 0, filesChecked: 7, projects: 2, policy: 'osi' };
}

/** What the reporter wrote before it was made in pieces: one JSON.stringify of the whole document. */
function whole(input: AuditReport): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const entry of input.findings) counts[entry.severity]++;
  const output = {
    version: 1,
    findings: input.findings.map((entry) => ({ rule: entry.rule, severity: entry.severity, file: entry.file, line: entry.line, column: entry.column, endLine: entry.endLine, endColumn: entry.endColumn, message: entry.message, related: entry.related.map((related) => ({ file: related.file, line: related.line, column: related.column, message: related.message })) })),
    summary: { findings: input.findings.length, errors: counts.error, warnings: counts.warning, infos: counts.info, files: input.filesChecked, projects: input.projects, policy: input.policy, skipped: input.skipped, problems: input.problems.map((problem) => ({ file: problem.file, line: problem.line, column: problem.column, message: problem.message })) },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

test('the pieces add up to the whole document: no findings, one, several with and without related locations, problems', () => {
  const cases = [
    report([]),
    report([finding(0, 0)]),
    report([finding(0, 2), finding(1, 0), finding(2, 1)], [{ file: 'package.json', line: 1, column: 2, endLine: 1, endColumn: 3, message: 'bad JSON' }]),
  ];
  for (const input of cases) {
    assert.equal([...jsonPieces(input)].join(''), whole(input));
    assert.equal(formatJson(input), whole(input));
  }
});

test('one piece per finding: a large report is never one string', () => {
  const input = report(Array.from({ length: 500 }, (_, index) => finding(index, index % 3)));
  const pieces = [...jsonPieces(input)];
  assert.ok(pieces.length >= 500);
  assert.ok(Math.max(...pieces.map((piece) => piece.length)) < 2000);
  // (not assert.equal: its diff of two 300 KB strings takes minutes)
  assert.ok(pieces.join('') === whole(input), 'the pieces differ from the whole document');
});
