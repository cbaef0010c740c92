// Helpers shared by the figures of `npm run bench`: paths, medians, timed
// child processes with a timeout, formatting.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// the CLI and the server the bench runs: the build in the work tree, or a copy of it (useBuildCopy)
export let cliPath = join(repoRoot, 'bin', 'license-claims.js');
export let serverPath = join(repoRoot, 'server', 'out', 'server.js');

/**
 * Copies the build (bin/ and server/out/, with node_modules and package.json
 * linked) into `dir` and runs the CLI and the server from there, so that a
 * rebuild of the work tree during a long run does not change what is
 * measured halfway.
 */
export function useBuildCopy(dir) {
  mkdirSync(join(dir, 'server'), { recursive: true });
  cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'server', 'out'), join(dir, 'server', 'out'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  cliPath = join(dir, 'bin', 'license-claims.js');
  serverPath = join(dir, 'server', 'out', 'server.js');
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `license-claims-bench-${prefix}-`));
}

/** `1.23 s`, `45.6 ms`, `0.012 ms`. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

export function formatRatio(ratio) {
  if (!Number.isFinite(ratio)) return 'n/a';
  if (ratio >= 100) return `${ratio.toFixed(0)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio.toFixed(2)}×`;
}

export const formatCount = (count) => count.toLocaleString('en-US');

/** Peak and current resident set size of a process, in bytes, from /proc/PID/status (VmHWM covers all its threads). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: field('VmHWM'), current: field('VmRSS') };
  } catch {
    return { peak: NaN, current: NaN };
  }
}

/**
 * Runs a command and measures its wall time, from spawn to exit. Its stdout
 * goes to `stdoutFile` (or nowhere), its stderr is kept (the last 64 KB).
 * After `timeoutMs` the command (its whole process group) is killed and
 * `timedOut` is set. Never rejects: a command that cannot start resolves
 * with `error`.
 */
export function timeProcess(command, args, { cwd, timeoutMs = 0, stdoutFile, env } = {}) {
  return new Promise((resolve) => {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const started = performance.now();
    let stderr = '';
    let timedOut = false;
    let timer;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, 'pipe'], detached: true });
    child.stderr.on('data', (chunk) => {
      stderr += chunk.toString();
      if (stderr.length > 65536) stderr = stderr.slice(-65536);
    });
    const finish = (result) => {
      clearTimeout(timer);
      if (typeof out === 'number') closeSync(out);
      resolve({ ...result, stderr });
    };
    child.on('error', (error) => finish({ ms: NaN, code: null, signal: null, timedOut, error }));
    child.on('close', (code, signal) => finish({ ms: performance.now() - started, code, signal, timedOut }));
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
    }
  });
}

/** The first line a command prints for its version, or undefined when it cannot run. */
export function versionOf(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0].trim();
}

/**
 * Runs `measure(index)` up to `runs` times (it returns a number of ms or an
 * object with `ms`), stopping early once `budgetMs` of measured time is
 * spent (at least one run). Returns the results.
 */
export async function repeat(runs, measure, { budgetMs = Infinity } = {}) {
  const results = [];
  let spent = 0;
  for (let index = 0; index < runs; index++) {
    const result = await measure(index);
    results.push(result);
    spent += typeof result === 'number' ? result : result.ms;
    if (!(spent < budgetMs) || result?.timedOut) break;
  }
  return results;
}

export const log = (message) => process.stderr.write(`[bench] ${message}\n`);
