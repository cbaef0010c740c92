// `license-claims identify` against licensee (Debian package ruby-licensee)
// on the same LICENSE files: bench/identify/run.mjs, 46 licenses × plain,
// re-wrapped, Markdown heading and other holders. Targets: at least 95%
// right, and never fewer right than licensee. Without licensee our own score
// is still checked, then the test is skipped (never passed silently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/workspace.js';

interface Score {
  right: number;
  total: number;
}

interface Benchmark {
  licenses: number;
  results: { id: string; variant: string; expected: string; ours: string | null; oursRight: boolean; licensee: string | null; licenseeRight: boolean }[];
  ours: Score;
  licensee: Score | null;
  licenseeMissing?: string;
}

const targetShare = 0.95;

function runBenchmark(): { benchmark: Benchmark; stdout: string; stderr: string; status: number } {
  const dir = mkdtempSync(join(tmpdir(), 'license-claims-bench-result-'));
  try {
    const jsonOut = join(dir, 'benchmark.json');
    const result = spawnSync(process.execPath, [join(repoRoot, 'bench', 'identify', 'run.mjs'), '--json-out', jsonOut, '--skip-licensecheck'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(result.status === 0 || result.status === 1 || result.status === 3, `bench/identify/run.mjs failed (exit ${result.status}):\n${result.stderr}`);
    return { benchmark: JSON.parse(readFileSync(jsonOut, 'utf8')) as Benchmark, stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('identify benchmark: at least 95% right on 40+ licenses × 4 variants, and never fewer right than licensee', (t) => {
  const { benchmark, stdout } = runBenchmark();
  console.log(stdout.trimEnd());
  const { ours, licensee } = benchmark;
  const oursWrong = benchmark.results
    .filter((result) => !result.oursRight)
    .map((result) => `  ${result.expected} ${result.variant}: got ${result.ours}`)
    .join('\n');

  assert.ok(benchmark.licenses >= 40, `only ${benchmark.licenses} licenses benchmarked`);
  assert.equal(ours.total, benchmark.licenses * 4);
  assert.ok(ours.right >= targetShare * ours.total, `license-claims: ${ours.right}/${ours.total} right, below ${targetShare * 100}%; wrong:\n${oursWrong}`);

  if (!licensee) {
    t.skip(`licensee (Debian ruby-licensee) is not installed: ${benchmark.licenseeMissing}; our score alone is ${ours.right}/${ours.total} — install it with \`apt-get install ruby-licensee\` to compare`);
    return;
  }
  assert.equal(licensee.total, ours.total);
  const theirsOnly = benchmark.results
    .filter((result) => result.licenseeRight && !result.oursRight)
    .map((result) => `  ${result.expected} ${result.variant}: ours ${result.ours}, licensee ${result.licensee}`)
    .join('\n');
  assert.ok(ours.right >= licensee.right, `license-claims ${ours.right} right, licensee ${licensee.right}; licensee alone right on:\n${theirsOnly}`);
});
