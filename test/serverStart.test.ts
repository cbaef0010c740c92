// The language server's starter (server/out/server.js, server/src/serverStart.ts):
// with LICENSE_CLAIMS_CODE_CACHE naming a folder, it keeps V8's code for the
// server's bundle there and uses it on the next start; a damaged, foreign or
// unwritable cache only means an ordinary compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { TestClient } from './support/lspClient.js';
import { makeWorkspace, repoRoot, tempDir } from './support/workspace.js';
import { codeCacheVariable } from '../server/src/codeCacheVariable.js';

const root = makeWorkspace({ 'README.md': '# Demo\n\nDemo is an open-source library.\n', 'package.json': '{"name": "demo", "license": "CC-BY-NC-4.0"}\n' });
const uri = pathToFileURL(join(root, 'README.md')).href;

/** Starts the server with the cache folder, returns the README's diagnostics, and ends the server as an editor does (shutdown, exit), waiting for it to exit. */
async function judgeWith(cache: string): Promise<string[]> {
  const client = new TestClient({ env: { [codeCacheVariable]: cache } });
  try {
    await client.initialize(root);
    const published = client.diagnostics(uri);
    await client.open(uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const codes = (await published).diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
    const exited = once(client.process, 'exit');
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    await exited;
    return codes;
  } finally {
    await client.stop();
  }
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.v8-cache'));

test('the server keeps V8\'s code in LICENSE_CLAIMS_CODE_CACHE, uses it on the next start, and starts as well from a damaged cache', async () => {
  const cache = join(tempDir('license-claims-code-cache-'), 'cache');
  const first = await judgeWith(cache);
  assert.ok(first.some((code) => code.startsWith('claim-')), first.join(', '));
  const [file] = cacheFiles(cache);
  assert.ok(file, 'a cache file was written when the server ended');
  assert.equal(statSync(join(cache, file)).mode & 0o777, 0o600);
  const written = statSync(join(cache, file)).mtimeMs;

  // used, not written again (it is written only when there was none, or V8 rejected it)
  assert.deepEqual(await judgeWith(cache), first);
  assert.equal(statSync(join(cache, file)).mtimeMs, written);

  // damaged in the middle of V8's data: V8 would crash on it; the starter's digest turns it away
  const bytes = readFileSync(join(cache, file));
  for (let at = bytes.length >> 1; at < (bytes.length >> 1) + 4096; at++) bytes[at] ^= 0x5a;
  writeFileSync(join(cache, file), bytes);
  assert.deepEqual(await judgeWith(cache), first);
  assert.deepEqual(cacheFiles(cache), [file]);
  assert.ok(!readFileSync(join(cache, file)).equals(bytes), 'a sound cache was written over the damaged one');
});

test('a cache folder that cannot be made does not keep the server from judging', async () => {
  const blocker = join(tempDir('license-claims-code-cache-'), 'a-file');
  writeFileSync(blocker, 'not a folder\n');
  const codes = await judgeWith(join(blocker, 'cache'));
  assert.ok(codes.some((code) => code.startsWith('claim-')), codes.join(', '));
});

test('a cache is not used for another bundle of the same length and time (V8 checks only the length)', () => {
  // the starter beside a bundle of our own, changed to another of the same length with its time put back
  const dir = tempDir('license-claims-code-cache-');
  const cache = join(dir, 'cache');
  copyFileSync(join(repoRoot, 'server', 'out', 'server.js'), join(dir, 'server.js'));
  const bundle = join(dir, 'server-bundle.js');
  const run = () => {
    const result = spawnSync(process.execPath, [join(dir, 'server.js')], { env: { ...process.env, [codeCacheVariable]: cache }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  };
  // a Nix store gives every file the time 1
  writeFileSync(bundle, 'function say() { return "first"; }\nconsole.log(say());\n');
  utimesSync(bundle, 1, 1);
  assert.equal(run(), 'first');
  assert.equal(cacheFiles(cache).length, 1, 'a cache was written');
  writeFileSync(bundle, 'function say() { return "other"; }\nconsole.log(say());\n');
  utimesSync(bundle, 1, 1);
  assert.equal(run(), 'other');
});

test('a cache folder others can write to is neither read nor written (V8 would run what it holds)', { skip: process.platform === 'win32' ? 'POSIX modes only' : false }, () => {
  const dir = tempDir('license-claims-code-cache-');
  const cache = join(dir, 'cache');
  copyFileSync(join(repoRoot, 'server', 'out', 'server.js'), join(dir, 'server.js'));
  writeFileSync(join(dir, 'server-bundle.js'), 'console.log("ran");\n');
  const run = () => {
    const result = spawnSync(process.execPath, [join(dir, 'server.js')], { env: { ...process.env, [codeCacheVariable]: cache }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  };
  mkdirSync(cache);
  chmodSync(cache, 0o777);
  assert.equal(run(), 'ran');
  assert.deepEqual(cacheFiles(cache), [], 'nothing written into a folder others can write to');
  // the same folder made private: the cache is written, then a cache file others can write to is not used
  chmodSync(cache, 0o700);
  assert.equal(run(), 'ran');
  const [file] = cacheFiles(cache);
  assert.ok(file, 'a cache was written into the private folder');
  chmodSync(join(cache, file), 0o666);
  const before = statSync(join(cache, file)).mtimeMs;
  assert.equal(run(), 'ran');
  // turned away: a new cache is written over it (renamed into place, mode 0600)
  assert.equal(statSync(join(cache, file)).mode & 0o777, 0o600);
  assert.ok(statSync(join(cache, file)).mtimeMs >= before);
});
