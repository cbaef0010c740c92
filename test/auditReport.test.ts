// The workspace-audit report (client/src/auditReport.ts) is a pure function of
// the server's AuditSummary; no VS Code needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditReportHtml, displayPath, messageHtml, summaryUnder } from '../client/src/auditReport.js';
import type { AuditFinding, AuditSummary } from '../server/src/protocol.js';

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

const text = (html: string) => html.replace(/<[^>]+>/gu, '').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
const commandArgs = (href: string) => JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))) as unknown[];
const links = (html: string) => [...html.matchAll(/<a(?: class="([^"]*)")? href="([^"]*)">([^<]*)<\/a>/gu)].map(([, className, href, label]) => ({ className, href: href.replace(/&quot;/gu, '"').replace(/&amp;/gu, '&'), label }));

test('the report opens with a title and the totals, and runs no script', () => {
  const html = auditReportHtml(summary(), { workspaceRoot: root });
  assert.match(html, /<h1>License Claims audit of <code>helix model<\/code><\/h1>/u);
  assert.match(text(html), /3 findings \(2 errors, 1 warning, 0 info\) in 3 files across 2 projects\./u);
  assert.match(html, /script-src 'none'/u);
  assert.doesNotMatch(html, /<script/u);
});

test('findings are grouped by rule (most first), then by project, with counts; the root project is named by its folder', () => {
  const html = auditReportHtml(summary(), { workspaceRoot: root });
  const rules = [...html.matchAll(/<details class="rule"[^>]*><summary><span class="count">(\d+)<\/span> <a class="rule" href="([^"]*)">([^<]*)<\/a>/gu)].map((match) => [match[3], Number(match[1])]);
  assert.deepEqual(rules, [['claim-non-osi-license', 2], ['deprecated-license-id', 1]]);
  const projects = [...html.matchAll(/<details class="project"[^>]*><summary><span class="count">(\d+)<\/span> ([^\n]*?)<\/summary>/gu)].map((match) => [text(match[2]), Number(match[1])]);
  assert.deepEqual(projects, [['helix model (workspace root)', 2], ['packages/cli', 1]]);
  assert.doesNotMatch(html, /<code>\.<\/code>/u);
});

test('every finding links to licenseClaims.openLocation with its URI, 0-based line and character; sorted by path and line', () => {
  const html = auditReportHtml(summary(), { workspaceRoot: root });
  const locations = links(html).filter((link) => link.className === 'location');
  assert.deepEqual(locations.map((link) => link.label), ['README.md:10', 'docs/overview.md:3', 'packages/cli/package.json:4']);
  assert.ok(locations.every((link) => link.href.startsWith('command:licenseClaims.openLocation?')));
  assert.deepEqual(commandArgs(locations[0].href), [`${root}/README.md`, 9, 20]);
  assert.match(html, /Deprecated SPDX id <code>GPL-2\.0<\/code>: say <code>GPL-2\.0-only<\/code>/u);
});

test('rules link to their page shipped in the extension; the Problems panel and SARIF export are linked', () => {
  const html = auditReportHtml(summary({ ruleSummaries: { 'deprecated-license-id': 'Reports a deprecated id.' } }), { workspaceRoot: root });
  const rule = links(html).find((link) => link.className === 'rule')!;
  assert.deepEqual([rule.href.slice(0, rule.href.indexOf('?')), commandArgs(rule.href)], ['command:licenseClaims.showRule', ['claim-non-osi-license']]);
  assert.match(html, /deprecated-license-id<\/a> <span class="summary">Reports a deprecated id\.<\/span>/u);
  assert.ok(links(html).some((link) => link.href === 'command:workbench.actions.view.problems'));
  assert.ok(links(html).some((link) => link.href === 'command:licenseClaims.exportSarif'));
  assert.doesNotMatch(html, /https?:/u, 'nothing links to the web');
});

test('thousands of findings: groups start collapsed, each lists a bounded number and says where the rest are', () => {
  const many: AuditFinding[] = Array.from({ length: 3000 }, (_, index) => ({
    uri: `${root}/p${index % 3}/README.md`, line: index, character: 0, rule: index % 2 ? 'claim-non-osi-license' : 'claim-without-license', severity: 'error', message: 'm', project: `${root}/p${index % 3}`,
  }));
  const html = auditReportHtml(summary({ findings: many, files: 3, projects: 3 }), { workspaceRoot: root, perGroup: 50, total: 200 });
  assert.doesNotMatch(html, /<details[^>]* open/u);
  assert.equal(links(html).filter((link) => link.className === 'location').length, 200);
  const more = [...html.matchAll(/… and (\d+) more: see the/gu)].map((match) => Number(match[1]));
  assert.equal(more.length, 6);
  assert.equal(more.reduce((sum, n) => sum + n, 0), 2800);
  // a short report opens fully
  assert.match(auditReportHtml(summary(), { workspaceRoot: root }), /<details class="rule" open>/u);
});

test('an empty audit says so; a cancelled one says its findings are partial; skipped files are listed (at most 50)', () => {
  assert.match(text(auditReportHtml(summary({ findings: [], byRule: {}, byProject: {} }), { workspaceRoot: root })), /0 findings \(0 errors, 0 warnings, 0 info\)[^]*No findings\./u);
  assert.match(auditReportHtml(summary({ cancelled: true }), { workspaceRoot: root }), /The audit was cancelled/u);
  const skipped = Array.from({ length: 52 }, (_, index) => ({ uri: `${root}/data/blob${index}.bin`, reason: 'binary file' }));
  const html = auditReportHtml(summary({ skipped }), { workspaceRoot: root });
  assert.match(html, /<li><code>data\/blob0\.bin<\/code>: binary file<\/li>/u);
  assert.match(html, /… and 2 more<\/li>/u);
});

test('a folder\'s report: only the findings under it, with their counts, titled with its path', () => {
  const part = summaryUnder(summary(), `${root}/packages`);
  assert.deepEqual(part.findings.map((finding) => finding.rule), ['deprecated-license-id']);
  assert.deepEqual(part.byRule, { 'deprecated-license-id': 1 });
  assert.match(auditReportHtml(part, { workspaceRoot: root, title: 'packages' }), /<h1>License Claims audit of <code>packages<\/code><\/h1>/u);
});

test('paths: relative to the root, decoded; files elsewhere by their decoded path', () => {
  assert.equal(displayPath('file:///srv/other%20repo/README.md', root), '/srv/other repo/README.md');
  assert.equal(displayPath(`${root}/a%23b.md`, `${root}/`), 'a#b.md');
  assert.equal(displayPath(root, root), '.');
  assert.match(auditReportHtml(summary(), {}), /<h1>License Claims audit<\/h1>/u);
});

test('messages are text: HTML in them is escaped, code spans become <code>', () => {
  assert.equal(messageHtml('see <b>x</b> & `a<b`\nnext'), 'see &lt;b&gt;x&lt;/b&gt; &amp; <code>a&lt;b</code> next');
});
