// The CI output formats and the pre-commit command, run as processes:
// `--format github` (workflow-command annotations), `--format gitlab`
// (GitLab Code Quality), `license-claims pre-commit FILE…`. The fixtures are
// our own and unambiguous (an open-source claim over CC-BY-NC-4.0; an honest
// MIT project), and the assertions are on shapes, rules and places, not on
// message wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { licenseText, makeWorkspace, runCli } from './support/workspace.js';

const openwashedFiles = {
  'README.md': '# Foo\n\nFoo is an open-source model.\n',
  'package.json': '{\n  "name": "foo",\n  "license": "CC-BY-NC-4.0"\n}\n',
  'docs/usage.md': 'Run it.\n',
};
const honestFiles = { 'README.md': '# Bar\n\nBar is an open-source library.\n', 'package.json': '{\n  "name": "bar",\n  "license": "MIT"\n}\n', LICENSE: licenseText('MIT') };

/** A parsed workflow command: `::name key=value,…::message`. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/u.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%3A/gu, ':').replace(/%2C/gu, ',').replace(/%0D/gu, '\r').replace(/%0A/gu, '\n').replace(/%25/gu, '%');
  const properties = Object.fromEntries(match[2].split(',').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), unescape(pair.slice(at + 1))];
  }));
  return { name: match[1], properties, message: unescape(match[3]) };
}

test('--format github: one annotation per finding, at its file, line and column, titled with the rule; nothing else on stdout', () => {
  const root = makeWorkspace(openwashedFiles);
  const run = runCli(['audit', '--format', 'github'], root);
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  const commands = lines.map(parseCommand);
  const openwashing = commands.find((command) => command.properties.title === 'claim-non-osi-license');
  assert.ok(openwashing, run.stdout);
  assert.equal(openwashing.name, 'error');
  assert.equal(openwashing.properties.file, 'README.md');
  assert.equal(openwashing.properties.line, '3');
  assert.equal(Number(openwashing.properties.col), 'Foo is an '.length + 1, 'the column of "open-source"');
  assert.match(openwashing.message, /\npackage\.json:3:\d+: /u, 'the declaration is a further line of the message');
  for (const command of commands) assert.ok(['error', 'warning', 'notice'].includes(command.name));
  // paths are relative to the working folder, whatever path is audited
  const fromParent = runCli(['audit', 'ws', '--format', 'github'], makeWorkspaceParent(openwashedFiles));
  assert.ok(fromParent.stdout.split('\n').some((line) => line.startsWith('::error file=ws/README.md,')), fromParent.stdout);
  const honest = runCli(['audit', '--format', 'github'], makeWorkspace(honestFiles));
  assert.equal(honest.status, 0, honest.stdout);
  assert.equal(honest.stdout, '');
});

/** A folder holding `ws/` with `files` (to audit a subfolder from its parent). */
function makeWorkspaceParent(files: Record<string, string>): string {
  return makeWorkspace(Object.fromEntries(Object.entries(files).map(([path, content]) => [`ws/${path}`, content])));
}

test('--format github: a message or file name cannot end its command or start another', () => {
  const root = makeWorkspace({
    'README.md': '# X\n\nX is open source.\n',
    'package.json': '{"name": "x", "license": "LicenseRef-Evil\\n::error file=a::injected,100%"}\n',
  });
  const run = runCli(['audit', '--format', 'github', '--fail-on', 'never'], root);
  assert.equal(run.status, 0, run.stderr);
  for (const line of run.stdout.trimEnd().split('\n')) {
    assert.match(line, /^::(error|warning|notice) file=/u);
    assert.doesNotMatch(line.slice(2), /^.*\n/u);
  }
  assert.ok(!run.stdout.includes('\n::error file=a::'), run.stdout);
});

// GitLab's Code Quality report: an array of issues, each with these fields
// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
const gitlabSeverities = ['info', 'minor', 'major', 'critical', 'blocker'];
function assertCodeQualityReport(report: unknown): asserts report is { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[] {
  assert.ok(Array.isArray(report), 'the report is a JSON array');
  const fingerprints = new Set<string>();
  for (const issue of report as Record<string, unknown>[]) {
    assert.equal(typeof issue, 'object');
    assert.equal(typeof issue.description, 'string');
    assert.ok((issue.description as string).length > 0);
    assert.equal(typeof issue.check_name, 'string');
    assert.equal(typeof issue.fingerprint, 'string');
    assert.ok(!fingerprints.has(issue.fingerprint as string), 'fingerprints are unique');
    fingerprints.add(issue.fingerprint as string);
    assert.ok(gitlabSeverities.includes(issue.severity as string), `severity ${String(issue.severity)}`);
    const location = issue.location as { path: unknown; lines: { begin: unknown } };
    assert.equal(typeof location.path, 'string');
    assert.ok(!(location.path as string).startsWith('/') && !(location.path as string).split('/').includes('..'), 'path relative to the repository root');
    assert.ok(Number.isInteger(location.lines.begin) && (location.lines.begin as number) >= 1);
  }
}

test('--format gitlab: a Code Quality report GitLab accepts; fingerprints stay when lines move and differ between equal findings', () => {
  const root = makeWorkspace(openwashedFiles);
  const run = runCli(['audit', '--format', 'gitlab'], root);
  assert.equal(run.status, 1, run.stderr);
  const report: unknown = JSON.parse(run.stdout);
  assertCodeQualityReport(report);
  const openwashing = report.find((issue) => issue.check_name === 'claim-non-osi-license');
  assert.ok(openwashing);
  assert.deepEqual([openwashing.location.path, openwashing.location.lines.begin, openwashing.severity], ['README.md', 3, 'major']);
  const moved = makeWorkspace({ ...openwashedFiles, 'README.md': `# Foo\n\nSome words first.\n\n${openwashedFiles['README.md'].slice('# Foo\n\n'.length)}` });
  const movedReport: unknown = JSON.parse(runCli(['audit', '--format', 'gitlab'], moved).stdout);
  assertCodeQualityReport(movedReport);
  const movedIssue = movedReport.find((issue) => issue.check_name === 'claim-non-osi-license');
  assert.equal(movedIssue?.location.lines.begin, 5);
  assert.equal(movedIssue.fingerprint, openwashing.fingerprint);
  const twice = makeWorkspace({ ...openwashedFiles, 'README.md': '# Foo\n\nFoo is an open-source model.\n\nFoo is an open-source model.\n' });
  const twiceReport: unknown = JSON.parse(runCli(['audit', '--format', 'gitlab'], twice).stdout);
  assertCodeQualityReport(twiceReport);
  assert.equal(twiceReport.filter((issue) => issue.check_name === 'claim-non-osi-license').length, 2);
  const honest = runCli(['audit', '--format', 'gitlab'], makeWorkspace(honestFiles));
  assert.equal(honest.status, 0);
  assert.deepEqual(JSON.parse(honest.stdout), []);
});

test('pre-commit FILE…: audits the working folder, reports the findings in the files or declared by them, exits by --fail-on', () => {
  const root = makeWorkspace(openwashedFiles);
  const readme = runCli(['pre-commit', 'README.md', '--format', 'json'], root);
  assert.equal(readme.status, 1, readme.stderr);
  const readmeFindings = (JSON.parse(readme.stdout) as { findings: { rule: string; file: string }[] }).findings;
  assert.ok(readmeFindings.some((finding) => finding.rule === 'claim-non-osi-license' && finding.file === 'README.md'));
  // the declaration changed: the claim it no longer backs is reported
  const manifest = runCli(['pre-commit', 'package.json', '--format', 'json'], root);
  assert.equal(manifest.status, 1);
  assert.ok((JSON.parse(manifest.stdout) as { findings: { rule: string }[] }).findings.some((finding) => finding.rule === 'claim-non-osi-license'));
  // an unrelated file of the same project: nothing of its own to report
  const other = runCli(['pre-commit', 'docs/usage.md', '--format', 'json'], root);
  assert.equal(other.status, 0, other.stdout);
  assert.deepEqual((JSON.parse(other.stdout) as { findings: unknown[] }).findings, []);
  assert.equal(runCli(['pre-commit', 'README.md', '--fail-on', 'never'], root).status, 0);
  assert.equal(runCli(['pre-commit'], root).status, 0, 'no files: nothing to check');
  assert.equal(runCli(['pre-commit', 'README.md'], makeWorkspace(honestFiles)).status, 0);
});
