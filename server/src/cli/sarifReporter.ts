// SARIF 2.1.0: one run, every rule in tool.driver.rules with its help, results
// located relative to %SRCROOT%. Uploadable to GitHub code scanning.
import { pathToFileURL } from 'node:url';
import type { AuditReport, ReportedFinding } from './report.js';
import { rules, docsUrl } from '../engine/rules/index.js';
import type { Severity } from '../engine/types.js';
import { toolVersion } from './version.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function location(file: string, region: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: Math.max(region.endColumn, region.line === region.endLine ? region.column : 1) },
    },
  };
}

function result(finding: ReportedFinding) {
  const ruleIndex = rules.findIndex((rule) => rule.id === finding.rule);
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: level[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.file, finding)],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related.file, related), message: { text: related.message } })) }
      : {}),
  };
}

export function formatSarif(report: AuditReport): string {
  let base = pathToFileURL(report.baseDirectory).href;
  if (!base.endsWith('/')) base += '/';
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'license-claims',
            informationUri: 'https://github.com/license-claims/license-claims',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/gu, (_match, _dash: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              helpUri: docsUrl(rule.id),
              help: { text: `${rule.summary} See ${docsUrl(rule.id)}`, markdown: `${rule.summary} [Documentation](${docsUrl(rule.id)})` },
              defaultConfiguration: { level: level[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        results: report.findings.map(result),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
