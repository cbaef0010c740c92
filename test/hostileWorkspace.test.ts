// A hostile workspace (test/support/hostileWorkspace.ts) audited by the CLI as
// a process and by the real language server: both must finish (subprocess
// timeouts are the guard), report every skip with its reason, judge
// everything else, and the CLI must exit by --fail-on. Plus the walk under
// files that vanish or change kind while it runs, deterministically (the real
// fs calls wrapped to delete at the worst moment) and as a real race.
import { before, after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { cliPath, makeWorkspace, tempDir } from './support/workspace.js';
import { TestClient } from './support/lspClient.js';
import { makeHostileWorkspace, manyFiles, unprivileged, wrapped, type HostileWorkspace } from './support/hostileWorkspace.js';
import { walk, type WalkResult } from '../server/src/files/walk.js';
import type { AuditSummary } from '../server/src/protocol.js';

interface JsonReport {
  findings: { rule: string; severity: string; file: string; line: number; column: number }[];
  summary: { files: number; skipped: { path: string; reason: string }[]; problems: { file: string; message: string }[] };
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const cliTimeoutMs = 120_000;
const identity = unprivileged();
if (identity.skipReason) console.log(`# the unreadable cases are skipped: ${identity.skipReason}`);
else if (identity.prefix.length > 0) console.log(`# running as root: the CLI and the server run as uid 65534 through ${identity.prefix.join(' ')}${identity.cliPath === cliPath ? '' : ` (from a copy it can read: ${identity.cliPath})`}`);

/** The CLI as a process, as the unprivileged identity; killed after `timeoutMs`. */
function runCli(args: string[], timeoutMs = cliTimeoutMs): Run {
  const [command, commandArgs] = wrapped(identity.prefix, process.execPath, [identity.cliPath, ...args]);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function assertFinished(run: Run, what: string): void {
  assert.equal(run.signal, null, `${what} did not finish within ${cliTimeoutMs / 1000} s (killed with ${run.signal}); stderr:\n${run.stderr.slice(0, 2000)}`);
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let workspace: HostileWorkspace;
let json: Run;
let report: JsonReport;

before(() => {
  const started = Date.now();
  workspace = makeHostileWorkspace(identity);
  console.log(`# hostile workspace generated in ${Date.now() - started} ms: ${workspace.root}`);
  json = runCli(['audit', workspace.root, '--format', 'json']);
  console.log(`# CLI audit (--format json): exit ${json.status} in ${json.ms} ms`);
  if (json.signal === null) report = JSON.parse(json.stdout) as JsonReport;
});

after(() => workspace.restore());

const key = (finding: { file: string; rule: string }) => `${finding.rule} ${finding.file}`;

test('CLI: the audit of the hostile workspace finishes and exits 1 (findings at or above the default --fail-on warning)', () => {
  assertFinished(json, 'the CLI audit');
  assert.equal(json.status, 1, json.stderr);
  assert.doesNotMatch(json.stderr, /internal error/);
});

test('CLI: the ordinary projects and every readable hostile file are judged: the expected findings are there', () => {
  assertFinished(json, 'the CLI audit');
  const found = new Set(report.findings.map(key));
  const missing = workspace.findings.filter((finding) => !found.has(key(finding)));
  assert.deepEqual(missing, [], `findings: ${[...found].join(', ')}`);
  for (const file of [...workspace.quiet, ...workspace.never]) {
    assert.deepEqual(report.findings.filter((finding) => finding.file.startsWith(file)).map(key), [], `${file} must have no finding`);
  }
  // valid JSON, TOML and YAML nested 10,000 deep are read, not reported as unparsable
  assert.deepEqual(report.summary.problems, []);
});

test('CLI: every skip is reported once, with its reason, in summary.skipped and on stderr', () => {
  assertFinished(json, 'the CLI audit');
  const expected = workspace.skipped.filter((skip) => !/^unreadable/.test(skip.path));
  const actual = report.summary.skipped.filter((skip) => !/^unreadable/.test(skip.path));
  assert.deepEqual(actual.map((skip) => skip.path).sort(), expected.map((skip) => skip.path).sort(), JSON.stringify(report.summary.skipped));
  for (const skip of expected) {
    const reported = actual.find((entry) => entry.path === skip.path)!;
    assert.match(reported.reason, skip.reason, skip.path);
    assert.ok(json.stderr.includes(`skipped ${skip.path}: ${reported.reason}`), `stderr names ${skip.path}`);
  }
});

test('CLI: an unreadable file, config file and folder are skipped with EACCES; the readable rest of that project is judged', { skip: identity.skipReason ?? false }, () => {
  assertFinished(json, 'the CLI audit');
  const expected = workspace.skipped.filter((skip) => /^unreadable/.test(skip.path));
  const actual = report.summary.skipped.filter((skip) => /^unreadable/.test(skip.path));
  assert.deepEqual(actual.map((skip) => skip.path).sort(), expected.map((skip) => skip.path).sort());
  for (const skip of expected) assert.match(actual.find((entry) => entry.path === skip.path)!.reason, skip.reason, skip.path);
  assert.ok(report.findings.some((finding) => finding.file === 'unreadable/docs/guide.md' && finding.rule === 'claim-non-osi-license'));
});

test('CLI: --fail-on never exits 0 with the same findings; exit 2 only for usage and config errors', () => {
  const never = runCli(['audit', workspace.root, '--format', 'json', '--fail-on', 'never']);
  assertFinished(never, 'the CLI audit with --fail-on never');
  console.log(`# CLI audit (--fail-on never): exit ${never.status} in ${never.ms} ms`);
  assert.equal(never.status, 0, never.stderr);
  assert.deepEqual((JSON.parse(never.stdout) as JsonReport).findings.map(key), report.findings.map(key));
  const usage = runCli(['audit', workspace.root, '--fail-on', 'sometimes']);
  assertFinished(usage, 'the CLI with a bad flag');
  assert.equal(usage.status, 2);
  const config = join(tempDir(), 'bad.json');
  fs.writeFileSync(config, '{"policy": "fsf"}\n', { mode: 0o644 });
  fs.chmodSync(join(config, '..'), 0o755);
  const badConfig = runCli(['audit', workspace.root, '--config', config]);
  assertFinished(badConfig, 'the CLI with an invalid --config');
  assert.equal(badConfig.status, 2);
  assert.match(badConfig.stderr, /policy/);
});

async function withServer(root: string, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient({ prefix: identity.prefix, serverPath: identity.serverPath });
  try {
    await within(client.initialize(root), 30_000, 'initialize');
    await body(client);
    assert.equal(client.process.exitCode, null, `the server exited: ${client.stderr}`);
  } finally {
    await client.stop();
  }
}

test('server: the workspace audit finishes, reports every skip with its reason and the expected findings', async () => {
  const root = workspace.root;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  const pathOf = (uri: string) => decodeURIComponent(uri.slice(pathToFileURL(root).href.length + 1));
  await withServer(root, async (client) => {
    const started = Date.now();
    const summary = await within(client.connection.sendRequest('licenseClaims/auditWorkspace', { workDoneToken: 'hostile' }) as Promise<AuditSummary>, cliTimeoutMs, 'the workspace audit');
    console.log(`# server workspace audit: ${summary.files} files, ${summary.findings.length} findings, ${summary.skipped.length} skipped in ${Date.now() - started} ms`);
    assert.equal(summary.cancelled, false);
    const found = new Set(summary.findings.map((finding) => `${finding.rule} ${pathOf(finding.uri)}`));
    assert.deepEqual(workspace.findings.filter((finding) => !found.has(key(finding))), [], [...found].join(', '));
    for (const file of [...workspace.quiet, ...workspace.never]) assert.ok(![...found].some((entry) => entry.endsWith(` ${file}`)), `${file} must have no finding`);
    const unreadableCase = identity.skipReason === undefined;
    const skipped = summary.skipped.map((skip) => ({ path: pathOf(skip.uri), reason: skip.reason }));
    assert.deepEqual(skipped.map((skip) => skip.path).sort(), workspace.skipped.map((skip) => skip.path).filter((path) => unreadableCase || !path.startsWith('unreadable')).sort(), JSON.stringify(skipped));
    for (const skip of workspace.skipped) {
      const reported = skipped.find((entry) => entry.path === skip.path);
      if (reported) assert.match(reported.reason, skip.reason, skip.path);
    }
    // the server is still answering
    const guide = uriOf('ordinary/openwashed/README.md');
    const diagnostics = client.diagnostics(guide, (params) => params.version === 1);
    await client.open(guide, fs.readFileSync(join(root, 'ordinary/openwashed/README.md'), 'utf8'));
    assert.deepEqual((await diagnostics).diagnostics.map((diagnostic: Diagnostic) => diagnostic.code), ['claim-non-osi-license']);
  });
});

test('server: documents next to a FIFO named README.md or .license-claims.json, or governed by a package.json nested 10,000 deep, are judged (no hang)', async () => {
  const root = workspace.root;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  await withServer(root, async (client) => {
    for (const [path, rule] of [['fifo/docs/guide.md', 'claim-without-license'], ['fifo-config/README.md', 'claim-non-osi-license'], ['deep-json/README.md', 'claim-non-osi-license'], ['deep-toml/README.md', 'claim-non-osi-license']]) {
      const uri = uriOf(path);
      const published = client.diagnostics(uri, (params) => params.version === 1, 30_000);
      await client.open(uri, fs.readFileSync(join(root, path), 'utf8'));
      assert.deepEqual((await published).diagnostics.map((diagnostic: Diagnostic) => diagnostic.code), [rule], path);
    }
    const hover = await within(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('fifo-config/README.md') }, position: { line: 0, character: 20 } }), 30_000, 'hover');
    assert.ok(hover !== undefined);
  });
});

test('CLI: a Markdown file nested 5,000 deep (blockquotes) is judged or reported, and the rest of the workspace is still judged', () => {
  const root = makeWorkspace({
    'deep/README.md': `${'> '.repeat(5000)}Deep is open source.\n`,
    'other/package.json': '{"name": "other", "license": "CC-BY-NC-4.0"}\n',
    'other/README.md': 'Widget is open source.\n',
  });
  // the unprivileged audit must be able to enter it
  fs.chmodSync(root, 0o755);
  const result = runCli(['audit', root, '--format', 'json'], 60_000);
  assertFinished(result, 'the CLI audit');
  assert.doesNotMatch(result.stderr, /^license-claims: internal error/mu, 'the audit itself did not crash');
  assert.equal(result.status, 1, result.stderr);
  const output = JSON.parse(result.stdout) as JsonReport;
  assert.ok(output.findings.some((finding) => finding.file === 'other/README.md' && finding.rule === 'claim-non-osi-license'));
  // judged, or named as a file that could not be read
  assert.ok(output.findings.some((finding) => finding.file === 'deep/README.md') || output.summary.problems.some((problem) => problem.file === 'deep/README.md'), result.stderr);
});

// ── the walk while files vanish or change kind ──

/** Wraps the real `fs[name]` so that `then` runs right after the call for `path` (once). */
function after1(t: TestContext, name: 'statSync' | 'readdirSync' | 'realpathSync', path: string, then: () => void): void {
  const module = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = module[name];
  let done = false;
  t.mock.method(module, name, (...args: unknown[]) => {
    const result = original(...args);
    if (!done && args[0] === path) {
      done = true;
      then();
    }
    return result;
  });
}

function skipOf(result: WalkResult, path: string): string | undefined {
  return result.skipped.find((skip) => skip.path === path)?.reason;
}

test('walk: a file deleted between its stat and its read is skipped as unreadable (ENOENT)', (t) => {
  const root = makeWorkspace({ 'a/README.md': 'A is open source.\n', 'b/README.md': 'B is open source.\n' });
  after1(t, 'statSync', join(root, 'a/README.md'), () => fs.unlinkSync(join(root, 'a/README.md')));
  const result = walk(root);
  assert.equal(skipOf(result, 'a/README.md'), 'unreadable (ENOENT)');
  assert.deepEqual(result.files.map((file) => file.path), ['b/README.md']);
});

test('walk: a file deleted between the folder listing and its stat is skipped as unreadable (ENOENT)', (t) => {
  const root = makeWorkspace({ 'a/README.md': 'A is open source.\n', 'a/package.json': '{"name": "a"}\n' });
  after1(t, 'readdirSync', join(root, 'a'), () => fs.unlinkSync(join(root, 'a/README.md')));
  const result = walk(root);
  assert.equal(skipOf(result, 'a/README.md'), 'unreadable (ENOENT)');
  assert.deepEqual(result.files.map((file) => file.path), ['a/package.json']);
});

test('walk: a symlink whose target is deleted after it was resolved is skipped, not thrown', (t) => {
  const root = makeWorkspace({ 'target/README.md': 'Target is open source.\n', 'z/README.md': 'Z is open source.\n' });
  fs.mkdirSync(join(root, 'link'));
  fs.symlinkSync(join(root, 'target/README.md'), join(root, 'link/README.md'));
  after1(t, 'realpathSync', join(root, 'link/README.md'), () => fs.unlinkSync(join(root, 'target/README.md')));
  const result = walk(root);
  assert.equal(skipOf(result, 'link/README.md'), 'unreadable (ENOENT)');
  assert.ok(result.files.some((file) => file.path === 'z/README.md'), 'the walk went on');
});

test('walk: a .gitignore and a config file deleted after the listing are reported, not thrown; a folder deleted after the listing is left out', (t) => {
  const root = makeWorkspace({ '.gitignore': 'x/\n', '.license-claims.json': '{}\n', 'README.md': 'Root is open source.\n', 'gone/README.md': 'Gone is open source.\n' });
  after1(t, 'readdirSync', root, () => {
    fs.unlinkSync(join(root, '.gitignore'));
    fs.unlinkSync(join(root, '.license-claims.json'));
    fs.rmSync(join(root, 'gone'), { recursive: true });
  });
  const configs: string[] = [];
  const result = walk(root, (_dir, path) => {
    configs.push(path);
    return [];
  });
  assert.deepEqual(configs, []);
  assert.equal(skipOf(result, '.gitignore'), '.gitignore unreadable (ENOENT)');
  assert.equal(skipOf(result, '.license-claims.json'), 'config file unreadable (ENOENT)');
  assert.deepEqual(result.files.map((file) => file.path), ['README.md']);
});

/**
 * A FIFO at `path`, and a process that writes to it after 3 s: a walk that
 * blocks reading it then fails the test instead of hanging it (the walk is
 * synchronous, so no test timeout could fire). Stopped when the test ends.
 */
function fifoWithUnblocker(t: TestContext, path: string): void {
  assert.equal(spawnSync('mkfifo', [path]).status, 0);
  const writer = spawn('sh', ['-c', 'sleep 3 && echo unblocked > "$1"', 'sh', path], { stdio: 'ignore' });
  t.after(() => writer.kill('SIGKILL'));
}

test('walk: a file replaced by a FIFO between its stat and its read is skipped (the read does not block)', (t) => {
  const root = makeWorkspace({ 'a/README.md': 'A is open source.\n', 'b/README.md': 'B is open source.\n' });
  const path = join(root, 'a/README.md');
  after1(t, 'statSync', path, () => {
    fs.unlinkSync(path);
    fifoWithUnblocker(t, path);
  });
  const result = walk(root);
  assert.equal(skipOf(result, 'a/README.md'), 'not a regular file (FIFO)');
  assert.deepEqual(result.files.map((file) => file.path), ['b/README.md']);
});

test('walk: FIFOs named README.md, .gitignore and .license-claims.json are reported as not regular files (no hang)', (t) => {
  const root = makeWorkspace({ 'sub/package.json': '{"name": "sub"}\n' });
  for (const name of ['README.md', '.gitignore', '.license-claims.json']) fifoWithUnblocker(t, join(root, 'sub', name));
  const result = walk(root, () => []);
  assert.deepEqual(result.skipped, [
    { path: 'sub/.gitignore', reason: '.gitignore not a regular file (FIFO)' },
    { path: 'sub/.license-claims.json', reason: 'config file not a regular file (FIFO)' },
    { path: 'sub/README.md', reason: 'not a regular file (FIFO)' },
  ]);
  assert.deepEqual(result.files.map((file) => file.path), ['sub/package.json']);
});

test('CLI: files deleted while the audit runs (a real race) are judged, skipped as ENOENT or left out; never a crash', async () => {
  const root = tempDir('license-claims-race-');
  const paths: string[] = [];
  for (let folder = 0; folder < 30; folder++) paths.push(...manyFiles(root, 100, `f${folder}`));
  const [command, args] = [process.execPath, [cliPath, 'audit', root, '--format', 'json', '--fail-on', 'never']];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  // delete files in a scattered order, a few every millisecond, until the audit ends
  const order = paths.map((path, index) => ({ path, rank: (index * 7919) % paths.length })).sort((a, b) => a.rank - b.rank).map((entry) => entry.path);
  const deleted = new Set<string>();
  const killer = setTimeout(() => child.kill('SIGKILL'), cliTimeoutMs);
  while (running && deleted.size < order.length) {
    for (let i = 0; i < 3 && deleted.size < order.length; i++) {
      const path = order[deleted.size];
      fs.unlinkSync(join(root, path));
      deleted.add(path);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const status = await exited;
  clearTimeout(killer);
  assert.equal(status, 0, `the audit must finish and exit 0 with --fail-on never:\n${stderr.slice(0, 2000)}`);
  const output = JSON.parse(stdout) as JsonReport;
  const judged = new Set(output.findings.map((finding) => finding.file));
  const enoent = output.summary.skipped.filter((skip) => skip.reason === 'unreadable (ENOENT)');
  const remaining = paths.filter((path) => !deleted.has(path));
  console.log(`# race: ${deleted.size} of ${paths.length} files deleted during the audit; ${judged.size} judged, ${enoent.length} skipped as ENOENT, ${output.summary.skipped.length - enoent.length} other skips`);
  assert.deepEqual(output.summary.skipped.filter((skip) => skip.reason !== 'unreadable (ENOENT)'), []);
  for (const skip of enoent) assert.ok(deleted.has(skip.path), `${skip.path} was skipped as deleted but was not`);
  for (const path of remaining) assert.ok(judged.has(path), `${path} was never deleted but not judged`);
});
