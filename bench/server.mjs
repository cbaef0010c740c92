// Figures measured through the real language server process
// (server/out/server.js --stdio, JSON-RPC over its stdio):
//
//   didChange   a one-character incremental change to a large open document
//               → the publishDiagnostics for that version. The server waits
//               for a pause in typing (its debounce, read from
//               server/src/lsp/validation.ts) before judging, so the time
//               after the debounce is reported too: total minus the debounce.
//   start-up    spawn → initialize → initialized → didOpen of a README → its
//               first publishDiagnostics; baseline `node -e 0`.
//   memory      peak RSS (VmHWM of /proc/PID/status, all threads of the
//               server process) over a licenseClaims/auditWorkspace request
//               on a large tree; baseline the idle server's peak after
//               initialize.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient, positionAt } from './lspClient.mjs';
import { editOffset, largeDocument, manifestText } from './keystroke.mjs';
import { log, makeTempDir, median, memoryOf, repoRoot, timeProcess } from './lib.mjs';

const require = createRequire(import.meta.url);
// the variable of server/src/codeCacheVariable.ts
const codeCacheVariable = 'LICENSE_CLAIMS_CODE_CACHE';
const mitText = require('spdx-license-list/full').MIT.licenseText;

/** The debounce the server waits after a change (the default of Validator's debounceMs), and whether it was read from the source. */
export function serverDebounce() {
  try {
    const source = readFileSync(join(repoRoot, 'server', 'src', 'lsp', 'validation.ts'), 'utf8');
    const found = /debounceMs\s*=\s*(\d+)/u.exec(source);
    if (found) return { ms: Number(found[1]), source: 'server/src/lsp/validation.ts' };
  } catch {
    // fall through
  }
  return { ms: 200, source: 'assumed (not found in server/src/lsp/validation.ts)' };
}

function writeFiles(root, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** didChange → diagnostics of that version, for each document size. */
export async function measureDidChange({ sizes, runs, keep }) {
  const results = [];
  for (const bytes of sizes) {
    const root = makeTempDir('didchange');
    const text = largeDocument(bytes, 0);
    writeFiles(root, { 'README.md': text, 'package.json': manifestText, LICENSE: mitText });
    const uri = pathToFileURL(join(root, 'README.md')).href;
    const client = new BenchClient();
    try {
      await client.initialize(root);
      const opened = client.diagnostics(uri, (params) => params.version === 1);
      const openSent = performance.now();
      await client.open(uri, text, 1);
      const first = await opened;
      const openMs = first.at - openSent;
      const at = editOffset(text);
      const { line, character } = positionAt(text, at);
      const totals = [];
      for (let index = 0; index < runs; index++) {
        const version = index + 2;
        const published = client.diagnostics(uri, (params) => params.version === version);
        const sent = performance.now();
        await client.insert(uri, version, line, character + index, 'x');
        const { params, at: arrived } = await published;
        totals.push(arrived - sent);
        if (index === 0) log(`didChange ${bytes} bytes: ${params.diagnostics.length} diagnostics published`);
      }
      results.push({ bytes: Buffer.byteLength(text), openMs, totalMs: median(totals), runs: totals.length, diagnostics: first.params.diagnostics.length });
    } finally {
      await client.stop();
      if (keep) log(`kept ${root}`);
      else rmSync(root, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * Server start to the first diagnostics of an open README; baseline `node -e 0`. Started as the VS Code
 * client starts it, with a folder for V8's code cache (server/src/serverStart.ts): the first start
 * compiles the bundle and leaves its code there, the later ones use it. The first is logged apart.
 */
export async function measureStartup({ runs }) {
  const root = makeTempDir('startup');
  const codeCache = makeTempDir('code-cache');
  const readme = '# Demo\n\nDemo is an open-source library for parsing things.\n';
  writeFiles(root, { 'README.md': readme, 'package.json': manifestText.replace('"MIT"', '"CC-BY-NC-4.0"'), LICENSE: mitText });
  const uri = pathToFileURL(join(root, 'README.md')).href;
  const nodeMs = [];
  const serverMs = [];
  try {
    for (let index = 0; index < runs; index++) {
      const bare = await timeProcess(process.execPath, ['-e', '0']);
      nodeMs.push(bare.ms);
      const client = new BenchClient({ env: { [codeCacheVariable]: codeCache } });
      try {
        const published = client.diagnostics(uri, () => true, 60_000);
        await client.initialize(root);
        await client.open(uri, readme, 1);
        const { at } = await published;
        serverMs.push(at - client.startedAt);
        if (index === 0) log(`start-up: first start (no code cache yet) ${Math.round(at - client.startedAt)} ms`);
      } finally {
        await client.stop();
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(codeCache, { recursive: true, force: true });
  }
  return { serverMs: median(serverMs), nodeMs: median(nodeMs), runs: serverMs.length };
}

/** Peak RSS of the server over a workspace audit of `tree`. */
export async function measureAuditMemory({ tree, runs, budgetMs = Infinity }) {
  const samples = [];
  for (let index = 0; index < runs && samples.reduce((sum, sample) => sum + sample.ms, 0) < budgetMs; index++) {
    const client = new BenchClient();
    try {
      await client.initialize(tree);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const idle = memoryOf(client.pid).peak;
      let sampledPeak = 0;
      const sampler = setInterval(() => {
        const { current } = memoryOf(client.pid);
        if (current > sampledPeak) sampledPeak = current;
      }, 100);
      const started = performance.now();
      const summary = await client.request('licenseClaims/auditWorkspace', { workDoneToken: `bench-${index}` });
      const ms = performance.now() - started;
      clearInterval(sampler);
      const { peak } = memoryOf(client.pid);
      samples.push({ idle, peak, sampledPeak, ms, files: summary.files, findings: summary.findings.length, cancelled: summary.cancelled });
      log(`workspace audit through the server: ${summary.files} files, ${summary.findings.length} findings, ${(ms / 1000).toFixed(1)} s, peak RSS ${(peak / 1048576).toFixed(0)} MB`);
    } finally {
      await client.stop();
    }
  }
  return {
    idle: median(samples.map((sample) => sample.idle)),
    peak: median(samples.map((sample) => sample.peak)),
    ms: median(samples.map((sample) => sample.ms)),
    files: samples[0]?.files,
    findings: samples[0]?.findings,
    runs: samples.length,
  };
}
