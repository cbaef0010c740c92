// The streamed, bounded-memory audit (server/src/files/treeAudit.ts): each
// project judged as soon as the files it depends on are read must find
// exactly what one audit of the whole tree finds, the texts it keeps must
// stay few and be dropped, and the CLI's text output must come project by
// project with the same findings as its JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../server/src/engine/audit.js';
import { configForProject, parseConfig, type Config } from '../server/src/engine/config.js';
import { ruleIds } from '../server/src/engine/rules/index.js';
import type { Finding } from '../server/src/engine/types.js';
import type { FileProblem } from '../server/src/engine/declarations/declarationTypes.js';
import { walk } from '../server/src/files/walk.js';
import { auditTree } from '../server/src/files/treeAudit.js';
import { FactsCache } from '../server/src/files/factsCache.js';
import { licenseText, makeWorkspace, runCli, tempDir } from './support/workspace.js';
import { generateTree } from '../bench/tree/generateTree.mjs';

const fixtures = join(__dirname, '..', 'test-fixtures');

function configsOf(root: string, listOnly: boolean) {
  const configs = new Map<string, Config>();
  const walked = walk(
    root,
    (dir, path, text) => {
      const config = parseConfig(text, path, ruleIds);
      configs.set(dir, config);
      return config.ignore ?? [];
    },
    { listOnly },
  );
  return { walked, configFor: (projectRoot: string) => configForProject(configs, projectRoot, {}) };
}

/** The audit of the whole tree at once (what the CLI and the server did before streaming). */
function wholeAudit(root: string): { findings: Finding[]; problems: FileProblem[] } {
  const { walked, configFor } = configsOf(root, false);
  const result = audit(walked.files, { configFor });
  return { findings: result.findings, problems: result.problems };
}

async function streamedAudit(root: string, cache?: FactsCache) {
  const { walked, configFor } = configsOf(root, true);
  const judged: { root: string; findings: Finding[] }[] = [];
  const ready: string[] = [];
  const tree = await auditTree({
    root,
    listed: walked.listed,
    configFor,
    jobs: 1,
    cache,
    onJudged: ({ root: projectRoot, result }) => {
      judged.push({ root: projectRoot, findings: result.findings });
      return projectRoot;
    },
    onReady: (value) => ready.push(value),
  });
  // as the engine orders a whole tree's findings: by file (each file's findings come from one project, in order)
  const findings = judged.flatMap((entry) => entry.findings).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { findings, tree, judged, ready };
}

test('every fixture: the streamed audit finds exactly what the whole-tree audit finds', async () => {
  let compared = 0;
  for (const name of readdirSync(fixtures)) {
    const root = join(fixtures, name);
    if (!statSync(root).isDirectory()) continue;
    const whole = wholeAudit(root);
    const streamed = await streamedAudit(root);
    assert.deepEqual(streamed.findings, whole.findings, name);
    assert.deepEqual(streamed.tree.problems, whole.problems, name);
    compared++;
  }
  assert.ok(compared > 50, `${compared} fixtures`);
});

test('a generated monorepo: streamed and whole-tree audits agree; projects are judged one by one and texts are dropped', async () => {
  const root = tempDir('license-claims-stream-');
  generateTree(root, { files: 1500, nodeModules: 0, seed: 11 });
  const whole = wholeAudit(root);
  const streamed = await streamedAudit(root);
  assert.ok(whole.findings.length > 100, `only ${whole.findings.length} findings`);
  assert.deepEqual(streamed.findings, whole.findings);
  assert.deepEqual(streamed.tree.problems, whole.problems);
  // every project once, and onReady sees them all
  assert.equal(streamed.judged.length, streamed.tree.projects);
  assert.ok(streamed.tree.projects > 50, `${streamed.tree.projects} projects`);
  assert.equal(new Set(streamed.judged.map((entry) => entry.root)).size, streamed.judged.length);
  assert.deepEqual([...streamed.ready].sort(), streamed.judged.map((entry) => entry.root).sort());
  // texts held at once: those of the projects being read (and their ancestors' folders), not the tree's
  const { walked } = configsOf(root, false);
  assert.ok(streamed.tree.peakTexts <= walked.files.length / 5, `${streamed.tree.peakTexts} texts held at once of ${walked.files.length} files`);
  assert.equal(streamed.tree.textsLeft, 0);
  // a second run from the cache (facts by path, modification time and size) finds the same
  const cache = new FactsCache();
  await streamedAudit(root, cache);
  const cached = await streamedAudit(root, cache);
  assert.deepEqual(cached.findings, whole.findings);
  // a cache too small for the tree forgets entries while the audit runs, and still finds the same
  const small = new FactsCache(20_000);
  await streamedAudit(root, small);
  assert.deepEqual((await streamedAudit(root, small)).findings, whole.findings);
  assert.ok(small.totalWeight <= 20_000);
});

test('a license-file reference to a file in another folder is resolved as in the whole-tree audit', async () => {
  const root = makeWorkspace({
    'shared/LICENSE': licenseText('Apache-2.0'),
    'shared/README.md': 'Shared is open source.\n',
    'app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nlicense-file = "../shared/LICENSE"\n',
    'app/README.md': 'App is open source.\n',
    'tool/Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\nlicense-file = "../docs/TERMS.md"\n',
    'tool/README.md': 'Tool is open source.\n',
    'docs/TERMS.md': 'Anyone may read this, no one may use it.\n',
  });
  const whole = wholeAudit(root);
  const streamed = await streamedAudit(root);
  assert.deepEqual(streamed.findings, whole.findings);
});

test('the cache is bounded: past its budget, the entries used longest ago are forgotten', () => {
  const cache = new FactsCache(100);
  const stamp = { mtimeMs: 1, size: 1, languages: '*' };
  cache.set('a', stamp, { kind: 'other' }, false, 60);
  cache.set('b', stamp, { kind: 'other' }, false, 30);
  assert.ok(cache.get('a', stamp));
  cache.set('c', stamp, { kind: 'other' }, false, 30);
  assert.equal(cache.get('b', stamp), undefined);
  assert.ok(cache.get('a', stamp) && cache.get('c', stamp));
  assert.ok(cache.totalWeight <= 100);
  assert.equal(cache.get('a', { ...stamp, mtimeMs: 2 }), undefined, 'a new modification time is a miss');
});

test('CLI text output: each project\'s findings come as a block, and the blocks hold what the JSON report holds', () => {
  const root = tempDir('license-claims-stream-cli-');
  generateTree(root, { files: 400, nodeModules: 0, seed: 5 });
  // run from the audited folder: text paths (relative to the working folder) and JSON paths (relative to the audited one) agree
  const text = runCli(['audit', '.', '--format', 'text', '--fail-on', 'never', '--jobs', '2'], root);
  const json = runCli(['audit', '.', '--format', 'json', '--fail-on', 'never', '--jobs', '2'], root);
  assert.equal(text.status, 0, text.stderr);
  const report = JSON.parse(json.stdout) as { findings: { file: string; line: number; column: number; severity: string; rule: string }[] };
  const blocks = text.stdout.trimEnd().split('\n\n');
  const summary = blocks.pop()!;
  assert.match(summary, /^✖ \d+ findings/u);
  const projects = blocks.map((block) => block.split('\n')[0]);
  assert.equal(new Set(projects).size, projects.length, 'one block per project');
  const fromText = blocks.flatMap((block) => block.split('\n').slice(1).flatMap((line) => {
    const match = /^ {2}(\S.*):(\d+):(\d+) (\S+) (\S+) /u.exec(line);
    return match ? [`${match[1]}:${match[2]}:${match[3]} ${match[4]} ${match[5]}`] : [];
  }));
  const fromJson = report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule}`);
  assert.ok(fromJson.length > 20, `${fromJson.length} findings`);
  assert.deepEqual([...fromText].sort(), [...fromJson].sort());
  // the same order on every run, whatever order the workers answer in
  const again = runCli(['audit', '.', '--format', 'text', '--fail-on', 'never', '--jobs', '2'], root);
  assert.equal(again.stdout, text.stdout);
});
