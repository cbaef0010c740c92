// The npm package as a user gets it: `npm pack` of the built tree, installed
// with `npm install -g --prefix DIR` into an empty prefix with the network
// unusable (--offline, a registry that does not answer, an empty cache), then
// the installed `license-claims` and `license-claims-language-server` run.
// Needs the build (`npm test` builds first).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';
import { TestClient } from './support/lspClient.js';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const skip = npm.status === 0 ? (existsSync(join(repoRoot, 'server', 'out', 'server.js')) ? false : 'not built: run `npm run build` first') : `npm is not on PATH (${npm.error?.message ?? npm.stderr})`;

let prefix: string;
let packed: string[];
let installed: string;

/** npm with the network made unusable: offline, a registry nothing listens on, an empty cache. */
function offlineNpm(args: string[], cwd: string) {
  const cache = tempDir('license-claims-npm-cache-');
  const run = spawnSync('npm', [...args, '--offline', '--registry=http://127.0.0.1:9/', `--cache=${cache}`, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `npm ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

before(() => {
  if (skip) return;
  const out = tempDir('license-claims-pack-');
  // the build is fresh (npm test builds first): its prepack build is not run twice
  const [tarball] = JSON.parse(offlineNpm(['pack', '--json', '--ignore-scripts', `--pack-destination=${out}`], repoRoot)) as { filename: string; files: { path: string }[] }[];
  packed = tarball.files.map((file) => file.path).sort();
  prefix = tempDir('license-claims-prefix-');
  offlineNpm(['install', '-g', `--prefix=${prefix}`, join(out, tarball.filename)], out);
  installed = join(prefix, 'lib', 'node_modules', 'license-claims');
});

test('npm package: holds only what runs (bundles and their data, the extension, the manifest), no dependencies or install scripts', { skip }, () => {
  for (const path of packed) {
    assert.match(path, /^(bin\/[\w-]+\.js|server\/out\/[\w-]+\.(js|json)|client\/out\/extension\.js|syntaxes\/[\w.-]+\.tmLanguage\.json|images\/icon\.png|docs\/rules\/[\w-]+\.md|docs\/images\/[\w-]+\.png|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/u, `${path} does not run`);
  }
  for (const needed of ['bin/license-claims.js', 'bin/license-claims-language-server.js', 'server/out/license-claims.js', 'server/out/server.js', 'server/out/server-bundle.js', 'server/out/factsWorker.js', 'server/out/license-templates.json', 'server/out/spdx-full.json', 'server/out/spdx-text-offsets.json']) {
    assert.ok(packed.includes(needed), `${needed} is missing`);
  }
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object; scripts: Record<string, string>; engines: { node: string } };
  assert.equal(manifest.dependencies, undefined, 'everything that runs is bundled');
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts[script], undefined, `no ${script} script`);
  assert.match(manifest.engines.node, /^>=\d+/u);
  assert.ok(!existsSync(join(installed, 'node_modules')), 'nothing was installed beside it');
});

test('npm package: the installed license-claims audits (exit 1 on openwashing, 0 on an honest project) and prints its version', { skip }, () => {
  const bin = join(prefix, 'bin', 'license-claims');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
  const openwashed = makeWorkspace({ 'README.md': '# Foo\n\nFoo is an open-source model.\n', 'package.json': '{"name": "foo", "license": "CC-BY-NC-4.0"}\n' });
  const audit = spawnSync(bin, ['audit', openwashed, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(audit.status, 1, audit.stderr);
  const findings = (JSON.parse(audit.stdout) as { findings: { rule: string; file: string }[] }).findings;
  assert.ok(findings.some((finding) => finding.rule === 'claim-non-osi-license' && finding.file === 'README.md'), audit.stdout);
  const honest = makeWorkspace({ 'README.md': '# Bar\n\nBar is an open-source library.\n', 'package.json': '{"name": "bar", "license": "MIT"}\n', LICENSE: licenseText('MIT') });
  const clean = spawnSync(bin, ['audit', honest], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
});

test("npm package: dogfood — this repository's README, audited by the installed package, has no findings", { skip }, () => {
  const audit = spawnSync(join(prefix, 'bin', 'license-claims'), ['audit', 'README.md', '--format', 'json', '--fail-on', 'info'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.deepEqual((JSON.parse(audit.stdout) as { findings: unknown[] }).findings, [], audit.stdout);
  assert.equal(audit.status, 0, audit.stderr);
});

test('npm package: the installed license-claims-language-server answers initialize over stdio and publishes diagnostics', { skip }, async () => {
  const root = makeWorkspace({ 'package.json': '{"name": "foo", "license": "CC-BY-NC-4.0"}\n', 'README.md': '# Foo\n' });
  const client = new TestClient({ command: [join(prefix, 'bin', 'license-claims-language-server'), '--stdio'] });
  try {
    const result = await client.connection.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    assert.ok(result.capabilities.textDocumentSync !== undefined, JSON.stringify(result));
    await client.connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(root, 'README.md')).href;
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, '# Foo\n\nFoo is an open-source model.\n');
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'claim-non-osi-license'), JSON.stringify(diagnostics));
  } finally {
    await client.stop();
  }
});
