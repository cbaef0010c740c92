// The workspace-audit report (client/src/auditReport.ts) is a pure function of
// the server's AuditSummary; no VS Code needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditReportMarkdown, displayPath, inlineText } from '../client/src/auditReport.js';
import type { AuditSummary } from '../server/src/protocol.js';

const root = 'file:///home/ada/helix%20model';
const openwashing = 'Openwashing: the model is called “open-source”, but its license (Llama 3 Community License) is not OSI-approved.';

function summary(overrides: Partial<AuditSummary> = {}): AuditSummary {
  return {
    cancelled: false,
    files: 3,
    projects: 2,
    findings: [
      { uri: `${root}/docs/overview.md`, line: 2, character: 20, rule: 'claim-non-osi-license', severity: 'error', message: openwashing, project: root },
      { uri: `${root}/README.md`, line: 9, character: 20, rule: 'claim-non-osi-license', severity: 'error', message: openwashing, project: root },
      { uri: `${root}/packages/cli/package.json`, line: 3, character: 14, rule: 'deprecated-license-id', severity: 'warning', message: 'Deprecated SPDX id `GPL-2.0`: say `GPL-2.0-only` or `GPL-2.0-or-later`.', project: `${root}/packages/cli` },
    ],
    byRule: { 'deprecated-license-id': 1, 'claim-non-osi-license': 2 },
    byProject: { [root]: 2, [`${root}/packages/cli`]: 1 },
    skipped: [],
    ...overrides,
  };
}

test('the report opens with a title, a suppression comment (it stays quiet if saved into a workspace) and the totals', () => {
  const lines = auditReportMarkdown(summary(), root).split('\n');
  assert.equal(lines[0], '# License Claims audit of `helix model`');
  assert.equal(lines[2], '<!-- license-claims-disable -->');
  assert.ok(lines.includes('**3 findings** (2 errors, 1 warning, 0 info) in 3 files across 2 projects.'), lines.join('\n'));
});

test('counts per rule, most first, each rule linked to its docs page', () => {
  const markdown = auditReportMarkdown(summary(), root);
  const table = markdown.slice(markdown.indexOf('## Findings per rule'), markdown.indexOf('## Findings per project'));
  assert.deepEqual(table.trim().split('\n').slice(2), [
    '| rule | findings |',
    '| --- | ---: |',
    '| [`claim-non-osi-license`](https://github.com/license-claims/license-claims/blob/main/docs/rules/claim-non-osi-license.md) | 2 |',
    '| [`deprecated-license-id`](https://github.com/license-claims/license-claims/blob/main/docs/rules/deprecated-license-id.md) | 1 |',
  ]);
});

test('counts per project, with project folders relative to the workspace root', () => {
  const markdown = auditReportMarkdown(summary(), root);
  assert.match(markdown, /^\| `\.` \| 2 \|$/mu);
  assert.match(markdown, /^\| `packages\/cli` \| 1 \|$/mu);
});

test('every finding links to its file and 1-based line (root-relative, as the Markdown preview resolves it), sorted by path and line, with severity, rule and message', () => {
  const markdown = auditReportMarkdown(summary(), root);
  const findings = markdown.split('\n').filter((line) => line.startsWith('- ['));
  assert.deepEqual(findings, [
    `- [README.md:10](</README.md#L10>) **error** \`claim-non-osi-license\`: ${openwashing}`,
    `- [docs/overview.md:3](</docs/overview.md#L3>) **error** \`claim-non-osi-license\`: ${openwashing}`,
    `- [packages/cli/package.json:4](</packages/cli/package.json#L4>) **warning** \`deprecated-license-id\`: Deprecated SPDX id \`GPL-2.0\`: say \`GPL-2.0-only\` or \`GPL-2.0-or-later\`.`,
  ]);
});

test('link targets keep the percent-encoding of the URI; files outside the workspace root are listed without a link', () => {
  const elsewhere = 'file:///srv/other/README.md';
  const markdown = auditReportMarkdown(summary({
    findings: [
      { uri: `${root}/my%20docs/a.md`, line: 0, character: 0, rule: 'claim-without-license', severity: 'error', message: 'm', project: root },
      { uri: elsewhere, line: 4, character: 0, rule: 'claim-without-license', severity: 'error', message: 'm', project: 'file:///srv/other' },
    ],
  }), root);
  assert.match(markdown, /^- \[my docs\/a\.md:1\]\(<\/my%20docs\/a\.md#L1>\) /mu);
  assert.match(markdown, /^- `\/srv\/other\/README\.md:5` \*\*error\*\* /mu);
  assert.doesNotMatch(markdown, /file:\/\//u);
});

test('an empty audit says so; a cancelled one says its findings are partial', () => {
  const empty = auditReportMarkdown(summary({ findings: [], byRule: {}, byProject: {} }), root);
  assert.match(empty, /\*\*0 findings\*\* \(0 errors, 0 warnings, 0 info\)/u);
  assert.match(empty, /## Findings\n\nNo findings\.\n/u);
  assert.doesNotMatch(empty, /Findings per rule|Findings per project/u);
  assert.match(auditReportMarkdown(summary({ cancelled: true }), root), /^> The audit was cancelled/mu);
});

test('skipped files are listed (at most 50) with their reasons', () => {
  const skipped = Array.from({ length: 52 }, (_, index) => ({ uri: `${root}/data/blob${index}.bin`, reason: 'binary file' }));
  const markdown = auditReportMarkdown(summary({ skipped }), root);
  assert.match(markdown, /## Skipped files\n\n- `data\/blob0\.bin`: binary file\n/u);
  assert.match(markdown, /- … and 2 more\n$/u);
});

test('without a workspace root, and for files outside it, paths are the decoded file paths', () => {
  assert.equal(displayPath('file:///srv/other%20repo/README.md', root), '/srv/other repo/README.md');
  assert.equal(displayPath(`${root}/a%23b.md`, `${root}/`), 'a#b.md');
  assert.equal(displayPath(root, root), '.');
  const markdown = auditReportMarkdown(summary(), undefined);
  assert.match(markdown, /^# License Claims audit$/mu);
  assert.match(markdown, /^- `\/home\/ada\/helix model\/README\.md:10` /mu);
});

test('messages stay literal: Markdown syntax outside code spans is escaped, code spans and newlines are kept in one line', () => {
  assert.equal(inlineText('see [LICENSE](x) or *this* <b>|</b>'), 'see \\[LICENSE\\](x) or \\*this\\* \\<b\\>\\|\\</b\\>');
  assert.equal(inlineText('front matter `license_name: *x*`\nnext'), 'front matter `license_name: *x*` next');
  assert.equal(inlineText('license_name'), 'license\\_name');
});

test('a rule id that is not kebab-case is shown, not linked', () => {
  const markdown = auditReportMarkdown(summary({ byRule: { 'Weird Rule': 1 } }), root);
  assert.match(markdown, /^\| `Weird Rule` \| 1 \|$/mu);
});
