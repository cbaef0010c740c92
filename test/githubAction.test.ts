// The GitHub Action as the runner runs it: action.yml's `runs.main` as a node
// process with the environment GitHub sets (GITHUB_WORKSPACE,
// GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, INPUT_* for every input, the links'
// GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA). Assertions on the
// annotations, the summary, the outputs and the SARIF file, over fixtures of
// our own whose verdict is unambiguous.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';

interface ActionManifest {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}
const manifest = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest;

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Reads $GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const block = /^([\w-]+)<<(.+)$/u.exec(lines[index]);
    if (block) {
      const end = lines.indexOf(block[2], index + 1);
      assert.ok(end > index, `unterminated output ${block[1]}`);
      outputs[block[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (lines[index] !== '') {
      const at = lines[index].indexOf('=');
      outputs[lines[index].slice(0, at)] = lines[index].slice(at + 1);
    }
  }
  return outputs;
}

/** Runs the action on `workspace` with `inputs` (the rest at action.yml's defaults, as the runner passes them). */
function runAction(workspace: string, inputs: Record<string, string> = {}): ActionRun {
  const files = tempDir('license-claims-runner-');
  const summaryFile = join(files, 'step_summary.md');
  const outputFile = join(files, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/model',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  };
  for (const [name, input] of Object.entries(manifest.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? input.default ?? '';
  // the runner starts a node20 action in the workspace
  const run = spawnSync(process.execPath, [join(repoRoot, manifest.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

const openwashed = () => makeWorkspace({
  'README.md': '# Foo\n\nFoo is an open-source model.\n',
  'package.json': '{\n  "name": "foo",\n  "license": "CC-BY-NC-4.0"\n}\n',
  'docs/notes.md': 'Notes.\n',
});
const honest = () => makeWorkspace({ 'README.md': '# Bar\n\nBar is an open-source library.\n', 'package.json': '{"name": "bar", "license": "MIT"}\n', LICENSE: licenseText('MIT') });

test('action.yml: a node20 action running the committed bundle, with the inputs and outputs the code reads and writes', () => {
  assert.equal(manifest.runs.using, 'node20');
  assert.equal(manifest.runs.main, 'dist/action.js');
  assert.deepEqual(Object.keys(manifest.inputs).sort(), ['config', 'fail-on', 'paths', 'policy', 'sarif-file']);
  assert.deepEqual(Object.keys(manifest.outputs).sort(), ['errors', 'findings', 'infos', 'sarif-file', 'warnings']);
});

test('action: an openwashed README fails the step with an annotation, a job summary, the outputs and the SARIF file', () => {
  const workspace = openwashed();
  const run = runAction(workspace, { 'sarif-file': 'reports/license-claims.sarif' });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  const annotation = run.stdout.split('\n').find((line) => line.includes('title=claim-non-osi-license'));
  assert.ok(annotation, run.stdout);
  assert.match(annotation, /^::error file=README\.md,line=3,endLine=3,col=11,endColumn=\d+,title=claim-non-osi-license::\S/u);
  // the summary: totals, the rule with its documentation, the finding linked to its line
  assert.match(run.summary, /^## License Claims$/mu);
  assert.match(run.summary, /\*\*\d+ findings?\*\*/u);
  assert.match(run.summary, /\| \[`claim-non-osi-license`\]\(https:\/\/\S+\/claim-non-osi-license\.md\) \| 1 \|/u);
  assert.ok(run.summary.includes('[README\\.md:3:11](https://github.com/octo/model/blob/0123456789abcdef0123456789abcdef01234567/README.md#L3)'), run.summary);
  // outputs
  assert.equal(run.outputs.findings, String(run.stdout.split('\n').filter((line) => /^::(error|warning|notice) file=/u.test(line)).length));
  assert.ok(Number(run.outputs.errors) >= 1);
  assert.equal(Number(run.outputs.findings), Number(run.outputs.errors) + Number(run.outputs.warnings) + Number(run.outputs.infos));
  assert.equal(run.outputs['sarif-file'], join(workspace, 'reports', 'license-claims.sarif'));
  const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((result) => result.ruleId === 'claim-non-osi-license' && result.locations[0].physicalLocation.artifactLocation.uri === 'README.md'));
});

test('action: paths are relative to the workspace, annotations name files from its root; fail-on never passes; policy is applied', () => {
  const workspace = makeWorkspace({ 'models/a/README.md': '---\nlicense: llama3\n---\n\n# A\n\nAn open-source model.\n', 'other/README.md': '# Other\n\nOther is open source.\n' });
  const run = runAction(workspace, { paths: 'models\n', 'fail-on': 'never' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(run.stdout.split('\n').some((line) => line.startsWith('::error file=models/a/README.md,') && line.includes('title=claim-non-osi-license')), run.stdout);
  assert.ok(!run.stdout.includes('other/README.md'), 'only the given path is audited');
  assert.ok(Number(run.outputs.findings) >= 1);
  // a BSD-3-Clause project passes osi and fails apache-mit
  const bsd = makeWorkspace({ 'README.md': '# B\n\nB is open source.\n', LICENSE: licenseText('BSD-3-Clause') });
  assert.equal(runAction(bsd).status, 0);
  const strict = runAction(bsd, { policy: 'apache-mit' });
  assert.equal(strict.status, 1, strict.stdout);
  assert.match(strict.summary, /policy `apache\\-mit`/u);
});

test('action: an honest project passes with no annotations, zero outputs and a clean summary', () => {
  const run = runAction(honest());
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(!run.stdout.includes('::'), run.stdout);
  assert.equal(run.outputs.findings, '0');
  assert.match(run.summary, /No findings/u);
  assert.equal(run.outputs['sarif-file'], undefined);
});

test('action: a bad input fails the step with an error annotation (exit 2) and writes nothing else', () => {
  const run = runAction(honest(), { 'fail-on': 'sometimes' });
  assert.equal(run.status, 2);
  assert.match(run.stdout, /^::error title=license-claims::the input fail-on must be one of error, warning, info, never/mu);
  assert.equal(run.summary, '');
  assert.deepEqual(run.outputs, {});
});

test('action: text from the audited files cannot break out of the summary table or add links', () => {
  const workspace = makeWorkspace({
    'README.md': '# X\n\nX is open source.\n',
    'package.json': JSON.stringify({ name: 'x', license: 'LicenseRef-x | <img src=x onerror=alert(1)> [click](https://evil.example) https://evil.example\n## Heading' }),
  });
  const run = runAction(workspace, { 'fail-on': 'never' });
  assert.equal(run.status, 0, run.stderr);
  const rows = run.summary.split('\n').filter((line) => line.startsWith('| ') && line.includes('README'));
  for (const row of rows) {
    assert.doesNotMatch(row, /<img|\]\(https:\/\/evil|[^\\]\| <|(?<!\\)https:\/\/evil/u, row);
  }
  assert.doesNotMatch(run.summary, /^## Heading/mu);
});

