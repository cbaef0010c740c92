// The machinery that makes large audits fast must not change what they find:
// worker threads against one thread, the CLI's on-disk cache, the server's
// in-memory cache across workspace audits, and the progress bar's manners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath, licenseText, makeWorkspace, runCli, tempDir } from './support/workspace.js';
import { TestClient } from './support/lspClient.js';
import type { AuditSummary } from '../server/src/protocol.js';
// the benchmark's generator: a monorepo of projects, READMEs, model cards, docs and sources
import { generateTree } from '../bench/tree/generateTree.mjs';

interface JsonReport {
  findings: { rule: string; file: string; line: number; column: number; message: string }[];
  summary: { files: number; findings: number };
}

const tree = tempDir('license-claims-scale-');
generateTree(tree, { files: 800, nodeModules: 100, seed: 3 });

function auditJson(args: string[], cwd?: string): JsonReport {
  const result = runCli(['audit', ...args, '--format', 'json', '--fail-on', 'never'], cwd);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as JsonReport;
}

test('worker threads find exactly what one thread finds', () => {
  const threaded = auditJson([tree, '--jobs', '2']);
  const single = auditJson([tree, '--jobs', '1']);
  assert.ok(single.summary.findings > 100, `only ${single.summary.findings} findings`);
  assert.deepEqual(threaded, single);
});

test('--jobs takes a whole number', () => {
  const result = runCli(['audit', tree, '--jobs', 'many']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--jobs must be a whole number/u);
});

test('--cache keeps facts on disk, reuses them for unchanged files and re-reads changed ones', () => {
  const root = makeWorkspace({
    LICENSE: licenseText('MIT'),
    'README.md': 'The project is open source.\n',
    'models/m/README.md': '---\nlicense: cc-by-nc-4.0\n---\n\nAn open-source model.\n',
  });
  const cacheFile = join(tempDir(), 'cache.json');
  const first = auditJson([root, '--cache-location', cacheFile]);
  assert.ok(existsSync(cacheFile), 'the cache file was written');
  assert.deepEqual(first.findings.map((finding) => finding.rule), ['claim-non-osi-license']); // (no osaid-incomplete hint on a claim that already fails)
  assert.deepEqual(auditJson([root, '--cache-location', cacheFile]), first);

  // the cached facts are what the second run judges: a doctored entry (same digest, no claims) shows it
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { stamp: string; entries: Record<string, { facts: { document: { claims: unknown[] } } }> };
  const card = Object.keys(cache.entries).find((path) => path.endsWith(join('models', 'm', 'README.md')))!;
  cache.entries[card].facts.document.claims = [];
  writeFileSync(cacheFile, JSON.stringify(cache));
  assert.deepEqual(auditJson([root, '--cache-location', cacheFile]).findings, []);

  // a changed file is read again
  writeFileSync(join(root, 'models/m/README.md'), '---\nlicense: cc-by-nc-4.0\n---\n\nAn open-source model, now on line 5.\n\nAnd open source again.\n');
  const openwashing = (report: JsonReport) => report.findings.filter((finding) => finding.rule === 'claim-non-osi-license').map((finding) => finding.line);
  assert.deepEqual(openwashing(auditJson([root, '--cache-location', cacheFile])), [5, 7]);

  // a cache from another build, or not a cache at all, is ignored
  writeFileSync(cacheFile, JSON.stringify({ ...cache, stamp: 'another build' }));
  assert.deepEqual(openwashing(auditJson([root, '--cache-location', cacheFile])), [5, 7]);
  writeFileSync(cacheFile, '{ not json');
  assert.deepEqual(openwashing(auditJson([root, '--cache-location', cacheFile])), [5, 7]);
});

test('--cache alone writes .license-claims-cache in the working folder', () => {
  const root = makeWorkspace({ 'README.md': 'Open source.\n', LICENSE: licenseText('MIT') });
  auditJson(['.', '--cache'], root);
  assert.ok(existsSync(join(root, '.license-claims-cache')));
});

function inTerminal(args: string[], env: Record<string, string>): string {
  // `script` gives the CLI a terminal; its transcript is what the terminal showed
  const command = [process.execPath, cliPath, ...args].map((part) => `'${part}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '', ...env }, timeout: 120_000 });
  return result.stdout;
}

test('a progress bar on a terminal, none in CI or for JSON', { skip: existsSync('/usr/bin/script') ? false : 'util-linux `script` (to give the CLI a terminal) is not installed' }, () => {
  const shown = inTerminal(['audit', tree, '--fail-on', 'never'], { LICENSE_CLAIMS_PROGRESS_DELAY_MS: '0' });
  assert.match(shown, /license-claims: reading \[#*-*\] \d+\/\d+ file/u);
  // the bar is erased before the report
  assert.match(shown, /\r\u001b\[K/u);
  assert.doesNotMatch(inTerminal(['audit', tree, '--fail-on', 'never'], { LICENSE_CLAIMS_PROGRESS_DELAY_MS: '0', CI: 'true' }), /reading \[/u);
  assert.doesNotMatch(inTerminal(['audit', tree, '--fail-on', 'never', '--format', 'json'], { LICENSE_CLAIMS_PROGRESS_DELAY_MS: '0' }), /reading \[/u);
});

test('the server remembers facts across workspace audits and re-reads files that changed on disk', async () => {
  const root = makeWorkspace({
    LICENSE: licenseText('MIT'),
    'packages/a/package.json': '{"name": "a", "license": "CC-BY-NC-4.0"}\n',
    'packages/a/README.md': 'A is open source.\n',
  });
  const client = new TestClient();
  try {
    await client.initialize(root);
    const auditOnce = async () => {
      const summary = await client.connection.sendRequest('licenseClaims/auditWorkspace', {}) as AuditSummary;
      return summary.findings.map((finding) => [finding.uri.slice(pathToFileURL(root).href.length), finding.line, finding.rule]);
    };
    const first = await auditOnce();
    assert.deepEqual(first, [['/packages/a/README.md', 0, 'claim-non-osi-license']]);
    assert.deepEqual(await auditOnce(), first);
    writeFileSync(join(root, 'packages/a/README.md'), 'A library.\n\nA is open source.\n');
    assert.deepEqual(await auditOnce(), [['/packages/a/README.md', 2, 'claim-non-osi-license']]);
  } finally {
    await client.stop();
  }
});

test('thousands of claims in one paragraph are judged in bounded memory (each claim was once judged against every repeated declaration)', () => {
  const paragraph = Array.from({ length: 4000 }, (_, index) => `Item ${index} is open source and "quoted" released under the MIT license`).join(' ; ');
  const root = makeWorkspace({ 'README.md': `${paragraph}\n`, 'package.json': '{"name": "x", "license": "CC-BY-NC-4.0"}\n' });
  // 4 GB were not enough before; 256 MB of heap is plenty now
  const result = spawnSync(process.execPath, ['--max-old-space-size=256', cliPath, 'audit', root, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr.slice(0, 2000));
  const report = JSON.parse(result.stdout) as JsonReport;
  assert.ok(report.findings.filter((finding) => finding.rule === 'license-mismatch' || finding.rule === 'claim-partial-license').length >= 1);
  assert.ok(report.summary.findings >= 4000, `${report.summary.findings} findings`);
});
