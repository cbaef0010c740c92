// The license-claims CLI, run as a process: exit codes, output formats, the
// tree walk, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { licenseText, makeWorkspace, runCli } from './support/workspace.js';

const openwashed = () => makeWorkspace({
  'README.md': '# Foo\n\nFoo is an open-source model.\n',
  'package.json': '{\n  "name": "foo",\n  "license": "CC-BY-NC-4.0"\n}\n',
});

test('usage: --help exits 0, no command and unknown commands, flags and values exit 2 on stderr', () => {
  assert.equal(runCli(['--help']).status, 0);
  assert.equal(runCli([]).status, 2);
  const unknownCommand = runCli(['frobnicate']);
  assert.equal(unknownCommand.status, 2);
  assert.match(unknownCommand.stderr, /unknown command "frobnicate"/);
  const unknownFlag = runCli(['audit', '--colour', 'x']);
  assert.equal(unknownFlag.status, 2);
  assert.match(unknownFlag.stderr, /colour/);
  const badValue = runCli(['audit', '--format', 'xml', openwashed()]);
  assert.equal(badValue.status, 2);
  assert.match(badValue.stderr, /--format must be one of text, json, sarif, github, gitlab/);
  const badPolicy = runCli(['audit', '--policy', 'fsf', openwashed()]);
  assert.equal(badPolicy.status, 2);
  const missing = runCli(['audit', '/nonexistent/license-claims-test']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or folder/);
});

test('exit codes follow --fail-on', () => {
  const root = openwashed();
  assert.equal(runCli(['audit', root]).status, 1, 'an error finding fails the default threshold (warning)');
  assert.equal(runCli(['audit', root, '--fail-on', 'never']).status, 0);
  const honest = makeWorkspace({ 'README.md': 'Foo is open source.\n', LICENSE: licenseText('MIT') });
  assert.equal(runCli(['audit', honest]).status, 0);
  const warningOnly = makeWorkspace({ 'package.json': '{"name": "x", "license": "GPL-2.0"}\n' });
  assert.equal(runCli(['audit', warningOnly, '--fail-on', 'error']).status, 0);
  assert.equal(runCli(['audit', warningOnly, '--fail-on', 'warning']).status, 1);
});

test('JSON output: version 1, 1-based positions, files relative to the first path, related declarations', () => {
  const root = openwashed();
  const result = runCli(['audit', root, '--format', 'json']);
  const output = JSON.parse(result.stdout);
  assert.equal(output.version, 1);
  assert.equal(output.findings.length, 1);
  const [finding] = output.findings;
  assert.deepEqual(
    { rule: finding.rule, severity: finding.severity, file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    { rule: 'claim-non-osi-license', severity: 'error', file: 'README.md', line: 3, column: 11, endLine: 3, endColumn: 22 },
  );
  assert.match(finding.message, /^Openwashing: the model is called “open-source”, but its license \(CC-BY-NC-4\.0\) is not OSI-approved/);
  assert.deepEqual(finding.related.map((related: { file: string; line: number }) => [related.file, related.line]), [['package.json', 3]]);
  assert.equal(output.summary.findings, 1);
  assert.equal(output.summary.errors, 1);
});

test('text output: file:line:col severity rule message, grouped by project, with a summary line', () => {
  const root = openwashed();
  const result = runCli(['audit', '.'], root);
  assert.match(result.stdout, /^ {2}README\.md:3:11 error claim-non-osi-license Openwashing: /m);
  assert.match(result.stdout, /✖ 1 finding \(1 error, 0 warnings, 0 info\) — 2 files in 1 project checked, policy osi/);
});

test('--policy changes the verdict', () => {
  const root = makeWorkspace({ 'README.md': 'Foo is open source.\n', LICENSE: licenseText('BSD-3-Clause') });
  assert.equal(runCli(['audit', root]).status, 0);
  const strict = runCli(['audit', root, '--policy', 'apache-mit', '--format', 'json']);
  assert.equal(strict.status, 1);
  assert.match(JSON.parse(strict.stdout).findings[0].message, /is neither Apache-2\.0 nor MIT/);
});

test('the summary names the policy a config file chose', () => {
  const root = makeWorkspace({ '.license-claims.json': '{"policy": "apache-mit"}', 'README.md': 'Foo is open source.\n', LICENSE: licenseText('BSD-3-Clause') });
  const result = runCli(['audit', root]);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /policy apache-mit/);
  assert.match(result.stdout, /is neither Apache-2\.0 nor MIT/);
});

test('the walk respects .gitignore, skips node_modules, and reports binary, oversized and escaping files', () => {
  const outside = makeWorkspace({ 'README.md': 'Outside is open source.\n' });
  const root = makeWorkspace({
    '.gitignore': 'ignored/\n',
    'ignored/README.md': 'Ignored is open source.\n',
    'node_modules/dep/README.md': 'Dep is open source.\n',
    'LICENSE': Buffer.from([0x4d, 0x49, 0x54, 0x00, 0x01, 0x02]),
    'big/README.md': `${'word '.repeat(250_000)}\nBig is open source.\n`,
    'README.md': 'Root is open source.\n',
  });
  symlinkSync(outside, join(root, 'linked'));
  const result = runCli(['audit', root, '--format', 'json']);
  const output = JSON.parse(result.stdout);
  assert.deepEqual(output.findings.map((finding: { file: string }) => finding.file), ['README.md'], 'only the root README is judged');
  assert.match(result.stderr, /skipped LICENSE: binary/);
  assert.match(result.stderr, /skipped big\/README\.md: larger than 1 MiB/);
  assert.match(result.stderr, /skipped linked: symlink pointing outside the audited folder/);
  assert.equal(output.summary.skipped.length, 3);
});

test('a malformed manifest is reported on stderr with its position, and the rest is still judged', () => {
  const root = makeWorkspace({
    'package.json': '{\n  "name": "broken",\n  "license": "MIT",,\n}\n',
    'README.md': 'Broken is open source.\n',
    'docs/guide.md': 'The guide is open source.\n',
  });
  const result = runCli(['audit', root, '--format', 'json']);
  assert.match(result.stderr, /package\.json:3:\d+: package\.json is not valid JSON/);
  const output = JSON.parse(result.stdout);
  assert.deepEqual(output.findings.map((finding: { rule: string; file: string }) => `${finding.rule} ${finding.file}`), ['claim-without-license README.md', 'claim-without-license docs/guide.md'].sort());
});

test('an invalid config file is a usage error naming the file and the field', () => {
  const root = makeWorkspace({ '.license-claims.json': '{"policy": "fsf"}', 'README.md': 'x\n' });
  const result = runCli(['audit', root]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /\.license-claims\.json: `policy` must be one of osi, cncf, apache-mit, custom/);
  const unknownRule = makeWorkspace({ '.license-claims.json': '{"rules": {"no-such-rule": "off"}}', 'README.md': 'x\n' });
  assert.match(runCli(['audit', unknownRule]).stderr, /`rules\.no-such-rule` is not a rule/);
  const notJson = makeWorkspace({ 'custom.json': '{policy: osi', 'README.md': 'x\n' });
  const explicit = runCli(['audit', notJson, '--config', join(notJson, 'custom.json')]);
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr, /custom\.json.*is not valid JSON/);
});

test('several paths: files are relative to the first', () => {
  const first = openwashed();
  const second = openwashed();
  const output = JSON.parse(runCli(['audit', first, second, '--format', 'json']).stdout);
  assert.equal(output.findings.length, 2);
  assert.equal(output.findings[0].file, 'README.md');
  assert.match(output.findings[1].file, /^\.\.\/license-claims-[^/]+\/README\.md$/);
});

test('identify: which license a LICENSE-like file holds, as JSON', () => {
  const root = makeWorkspace({ 'LICENSE-MIT': licenseText('MIT'), 'COPYING': licenseText('GPL-3.0-only'), 'NOTES': 'Nothing to see here, just some notes about the project.' });
  const result = runCli(['identify', join(root, 'LICENSE-MIT'), join(root, 'COPYING'), join(root, 'NOTES'), '--format', 'json']);
  assert.equal(result.status, 0);
  const output = JSON.parse(result.stdout) as { file: string; license: string | null; confidence: number }[];
  // a bare GNU text does not say -only or -or-later: the answer says so
  assert.deepEqual(output.map((entry) => entry.license), ['MIT', 'GPL-3.0-only OR GPL-3.0-or-later', null]);
  assert.ok(output[0].confidence >= 0.95 && output[0].confidence <= 1);
  assert.equal(runCli(['identify']).status, 2);
});

test('explain: an entry with its OSI/FSF status, restrictions and sources (titles and URLs, no internal notes); unknown ids are usage errors', () => {
  const llama = runCli(['explain', 'llama3']);
  assert.equal(llama.status, 0);
  assert.match(llama.stdout, /^Meta Llama 3 Community License Agreement \(LicenseRef-Llama-3-Community-License\)/);
  assert.match(llama.stdout, /OSI-approved: no/);
  assert.match(llama.stdout, /user-threshold: .*700 million monthly active users/);
  assert.match(llama.stdout, /^ {2}License text: https:\/\/huggingface\.co\/meta-llama\/\S+$/mu);
  assert.doesNotMatch(llama.stdout, /research notes|text ?phrases|corpus|listVersionAdded/iu);
  const json = JSON.parse(runCli(['explain', 'bsl-1.0', 'WTFPL', 'gpl', '--format', 'json']).stdout);
  assert.deepEqual(json.map((entry: { id: string; osiApproved: boolean | null; fsfLibre: boolean | null }) => [entry.id, entry.osiApproved, entry.fsfLibre]), [['BSL-1.0', true, true], ['WTFPL', false, true], ['gpl', null, null]]);
  const unknown = runCli(['explain', 'no-such-license']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown license "no-such-license"/);
});

test('identify reports a known license with added terms as modified, with the added text', () => {
  const mit = licenseText('MIT').replace('<year> <copyright holders>', '2025 Example AI');
  const modified = mit.replace('Permission is hereby', 'Our only modification is that, if the Software is used for any of your commercial products or services that have more than 100 million monthly active users, you shall prominently display "Example" on the user interface of such product or service.\n\nPermission is hereby');
  const root = makeWorkspace({ LICENSE: modified, 'README.md': 'Example is an open-source model.\n' });
  const identified = JSON.parse(runCli(['identify', join(root, 'LICENSE'), '--format', 'json']).stdout);
  assert.equal(identified[0].license, 'LicenseRef-modified-MIT');
  assert.equal(identified[0].basedOn, 'MIT');
  assert.match(identified[0].addedText, /100 million monthly active users/);
  assert.deepEqual(identified[0].restrictions.map((restriction: { kind: string; criterion: string; line: number }) => [restriction.kind, restriction.criterion, restriction.line]), [['user-threshold', 'OSD 5', 5]]);
  const audited = JSON.parse(runCli(['audit', root, '--format', 'json']).stdout);
  const claim = audited.findings.find((finding: { rule: string }) => finding.rule === 'claim-non-osi-license');
  // the clause is cited with its line, and the related location points at it
  assert.match(claim.message, /its license \(modified MIT\) is not OSI-approved: it adds terms to the MIT license: LICENSE takes the license away above a number of users \(line 5\) — not open source \(OSD 5\)\./);
  assert.equal(claim.related[0].line, 5);
  assert.match(claim.related[0].message, /line 5: “[^”]*100 million monthly active users[^”]*”/);
});

test('explain FILE: the license X-ray of a LICENSE-like file, each restrictive clause with its line, kind and criterion', () => {
  const root = makeWorkspace({
    'LICENSE-MODEL': 'HAWK MODEL LICENSE\n\n1. You may use, copy and modify the Model.\n\n2. You shall not use the Model or its outputs for military purposes.\n',
    LICENSE: licenseText('Apache-2.0'),
  });
  const xray = runCli(['explain', join(root, 'LICENSE-MODEL')]);
  assert.equal(xray.status, 0);
  assert.match(xray.stdout, /LICENSE-MODEL: unknown license/);
  assert.match(xray.stdout, /open source: no/);
  assert.match(xray.stdout, /- line 5 field-of-use \(OSD 6: No Discrimination Against Fields of Endeavor\): “2\. You shall not use the Model or its outputs for military purposes\.”|- line 5 field-of-use \(OSD 6: No Discrimination Against Fields of Endeavor\): “You shall not use the Model/);
  const [apache] = JSON.parse(runCli(['explain', join(root, 'LICENSE'), '--format', 'json']).stdout);
  assert.equal(apache.identified, 'Apache-2.0');
  assert.equal(apache.openSource, true);
  assert.deepEqual(apache.restrictions, []);
  // an id is still explained from the knowledge base
  assert.match(runCli(['explain', 'MIT']).stdout, /^MIT License \(MIT\)/);
});
