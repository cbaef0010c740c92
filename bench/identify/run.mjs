// Side-by-side benchmark of `license-claims identify` against licensee
// (Debian package ruby-licensee) on the same LICENSE files: the cases of
// makeCases.mjs (46 licenses × plain, re-wrapped, Markdown heading, other
// holders). A tool is right on a case when the SPDX id it names is the
// expected one, compared without `-only`/`-or-later`/`+` and case; licensee's
// NOASSERTION, "other" and no answer are wrong.
//
//   npm run bench:identify                (builds first)
//   node bench/identify/run.mjs [--keep] [--json-out FILE] [--licensee-cli] [--jobs N]
//
// licensee's CLI takes one path and starts Ruby each time (~0.4 s a case), so
// by default one `ruby` process runs, for every case folder, exactly what
// `licensee detect --json FOLDER` runs (Licensee.project(FOLDER,
// detect_packages: true, detect_readme: true), default 98% confidence) and
// prints the same JSON; one case per variant is also run through the real
// CLI, and any difference is a setup error. --licensee-cli runs the CLI on
// every folder instead (--jobs at a time).
//
// Prints a table per license, the wrong answers of both tools, and last
//   license-claims: N/M right (P%)  licensee: N/M right (P%)
// Exit 0 when ours is at least 95% right and never fewer right than
// licensee, 1 when a target is missed, 2 on a setup error, 3 when licensee
// is not installed (ours is still scored and printed).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { licenseIds, makeCases, variants } from './makeCases.mjs';
import { scoreRealFiles } from './realFiles.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = join(repoRoot, 'bin', 'license-claims.js');
export const targetShare = 0.95;

/** `GPL-3.0-only`, `GPL-3.0-or-later`, `GPL-3.0+`, `gpl-3.0` and the undecided `GPL-3.0-only OR GPL-3.0-or-later` all compare as `gpl-3.0`. */
export function comparable(id) {
  return id.toLowerCase().replace(/^(\S+?)-only or \1-or-later$/u, '$1').replace(/(?:-only|-or-later|\+)$/u, '');
}

export function isRight(got, expected) {
  if (!got || /^(?:noassertion|other|none)$/iu.test(got)) return false;
  return comparable(got) === comparable(expected);
}

function parseArgs(argv) {
  const options = { keep: false, jsonOut: undefined, licenseeCli: false, jobs: Math.max(2, availableParallelism()) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--json-out') options.jsonOut = argv[++i];
    else if (arg === '--licensee-cli') options.licenseeCli = true;
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else {
      console.error(`unknown argument ${arg}; usage: node bench/identify/run.mjs [--keep] [--json-out FILE] [--licensee-cli] [--jobs N]`);
      process.exit(2);
    }
  }
  return options;
}

/** One `license-claims identify` process for every case file. */
function runOurs(cases) {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [cliPath, 'identify', ...cases.map((c) => c.file), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`license-claims identify exited ${result.status}: ${result.stderr || result.error}`);
  const byFile = new Map(JSON.parse(result.stdout).map((entry) => [entry.file, entry]));
  return cases.map((c) => byFile.get(c.file)?.license ?? null);
}

/** licensee's version, or why it cannot run. */
export function licenseeVersion() {
  const result = spawnSync('licensee', ['version'], { encoding: 'utf8' });
  if (result.error) return { ok: false, reason: result.error.code === 'ENOENT' ? '`licensee` is not on PATH' : String(result.error) };
  if (result.status !== 0) return { ok: false, reason: `\`licensee version\` exited ${result.status}: ${result.stderr.trim()}` };
  return { ok: true, version: result.stdout.trim() };
}

/** The license licensee matched to a folder's LICENSE, from `licensee detect --json` output. */
function licenseeAnswer(output) {
  const file = output.matched_files?.find((entry) => entry.filename === 'LICENSE') ?? output.matched_files?.[0];
  return file?.matched_license ?? output.licenses?.[0]?.spdx_id ?? null;
}

/** `licensee detect --json FOLDER` (its CLI takes one path). */
function licenseeDetect(folder) {
  return new Promise((resolve) => {
    execFile('licensee', ['detect', '--json', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // It exits 1 when it found no license, still printing the JSON.
      try {
        resolve({ license: licenseeAnswer(JSON.parse(stdout)) });
      } catch {
        resolve({ license: null, error: `licensee failed: ${stderr.trim() || error?.message || 'no JSON output'}` });
      }
    });
  });
}

async function runLicenseeCli(cases, jobs) {
  const answers = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      answers[index] = await licenseeDetect(cases[index].folder);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, cases.length) }, worker));
  return answers;
}

/** What licensee's `detect` command does (bin/licensee, lib/licensee/commands/detect.rb), for many folders in one Ruby process. */
const rubyBatch = `
require 'json'
require 'licensee'
ARGV.each do |path|
  project = Licensee.project(path, detect_packages: true, detect_readme: true)
  $stdout.puts JSON.generate(project.to_h)
end
`;

function runLicenseeBatch(cases) {
  const result = spawnSync('ruby', ['-e', rubyBatch, ...cases.map((c) => c.folder)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`the licensee batch (ruby -e) failed: ${result.error ?? result.stderr.trim()}; try --licensee-cli`);
  const lines = result.stdout.split('\n').filter(Boolean);
  if (lines.length !== cases.length) throw new Error(`the licensee batch printed ${lines.length} answers for ${cases.length} folders; try --licensee-cli`);
  return lines.map((line) => ({ license: licenseeAnswer(JSON.parse(line)) }));
}

/** Runs licensee on every case: the CLI per folder, or the batch checked against the CLI on one case per variant. */
async function runLicensee(cases, { licenseeCli, jobs }) {
  if (licenseeCli) return runLicenseeCli(cases, jobs);
  const answers = runLicenseeBatch(cases);
  const sample = variants.map((variant, index) => cases.findIndex((c) => c.variant === variant && c.id === licenseIds[(index * 7) % licenseIds.length]));
  const checked = await runLicenseeCli(sample.map((index) => cases[index]), jobs);
  sample.forEach((caseIndex, index) => {
    if (checked[index].license !== answers[caseIndex].license) {
      const c = cases[caseIndex];
      throw new Error(`the licensee batch says ${answers[caseIndex].license} but \`licensee detect\` says ${checked[index].license} on ${c.id} ${c.variant}; try --licensee-cli`);
    }
  });
  return answers;
}

const percent = (right, total) => `${((100 * right) / total).toFixed(1)}%`;
export const scoreLine = (ours, licensee) =>
  `license-claims: ${ours.right}/${ours.total} right (${percent(ours.right, ours.total)})  licensee: ${
    licensee ? `${licensee.right}/${licensee.total} right (${percent(licensee.right, licensee.total)})` : 'not installed'}`;

function report(results, haveLicensee) {
  const lines = [];
  const mark = (right) => (right ? '✓' : '✗');
  const width = Math.max(...licenseIds.map((id) => id.length)) + 2;
  lines.push(`Cells are "ours licensee" (✓ right, ✗ wrong${haveLicensee ? '' : ', - not run'}).`);
  lines.push(`${'license'.padEnd(width)}${variants.map((v) => v.padEnd(11)).join('')}ours  licensee`);
  for (const id of licenseIds) {
    const row = results.filter((r) => r.id === id);
    const cells = variants.map((variant) => {
      const r = row.find((candidate) => candidate.variant === variant);
      return `${mark(r.oursRight)} ${haveLicensee ? mark(r.licenseeRight) : '-'}`.padEnd(11);
    });
    const ours = row.filter((r) => r.oursRight).length;
    const theirs = row.filter((r) => r.licenseeRight).length;
    lines.push(`${id.padEnd(width)}${cells.join('')}${`${ours}/${row.length}`.padEnd(6)}${haveLicensee ? `${theirs}/${row.length}` : '-'}`);
  }
  const wrong = (tool, key, rightKey) => {
    const misses = results.filter((r) => !r[rightKey]);
    lines.push('', `${tool} wrong on ${misses.length}:`);
    for (const r of misses) lines.push(`  ${r.expected.padEnd(width)}${r.variant.padEnd(11)}got ${r[key] ?? 'null'}${r.licenseeError && key === 'licensee' ? ` (${r.licenseeError})` : ''}`);
  };
  wrong('license-claims', 'ours', 'oursRight');
  if (haveLicensee) {
    wrong('licensee', 'licensee', 'licenseeRight');
    const onlyTheirs = results.filter((r) => r.licenseeRight && !r.oursRight);
    lines.push('', `licensee right where license-claims is wrong: ${onlyTheirs.length}`);
    for (const r of onlyTheirs) lines.push(`  ${r.expected.padEnd(width)}${r.variant.padEnd(11)}ours ${r.ours ?? 'null'}, licensee ${r.licensee}`);
  }
  return lines.join('\n');
}

export async function runBenchmark({ keep = false, licenseeCli = false, jobs = Math.max(2, availableParallelism()) } = {}) {
  const { dir, cases } = makeCases();
  try {
    const started = Date.now();
    const ours = runOurs(cases);
    const oursMs = Date.now() - started;
    const licensee = licenseeVersion();
    let theirs;
    let licenseeMs;
    if (licensee.ok) {
      const licenseeStarted = Date.now();
      theirs = await runLicensee(cases, { licenseeCli, jobs });
      licenseeMs = Date.now() - licenseeStarted;
    }
    const results = cases.map((c, index) => ({
      id: c.id,
      variant: c.variant,
      expected: c.expected,
      ours: ours[index],
      oursRight: isRight(ours[index], c.expected),
      licensee: theirs ? theirs[index].license : null,
      licenseeRight: theirs ? isRight(theirs[index].license, c.expected) : false,
      ...(theirs?.[index].error ? { licenseeError: theirs[index].error } : {}),
    }));
    const count = (key) => ({ right: results.filter((r) => r[key]).length, total: results.length });
    return {
      dir: keep ? dir : undefined,
      licenses: licenseIds.length,
      variants,
      results,
      ours: count('oursRight'),
      licensee: licensee.ok ? count('licenseeRight') : null,
      licenseeVersion: licensee.ok ? licensee.version : undefined,
      licenseeMissing: licensee.ok ? undefined : licensee.reason,
      timings: { oursMs, licenseeMs },
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let benchmark;
  try {
    benchmark = await runBenchmark(options);
  } catch (error) {
    console.error(`bench:identify: ${error.message}`);
    process.exit(2);
  }
  const { results, ours, licensee } = benchmark;
  if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(benchmark, null, 2)}\n`);
  console.log(report(results, Boolean(licensee)));
  console.log('');
  if (benchmark.dir) console.log(`cases kept in ${benchmark.dir}`);
  console.log(`${results.length} cases: ${benchmark.licenses} licenses × ${variants.join(', ')}; license-claims ${benchmark.timings.oursMs} ms${
    licensee ? `, licensee ${benchmark.licenseeVersion} ${benchmark.timings.licenseeMs} ms (${
      options.licenseeCli ? `CLI per folder, ${options.jobs} at a time` : 'one Ruby process, checked against the CLI on 4 cases'})` : ''}`);
  console.log(scoreLine(ours, licensee));
  // the second set: real LICENSE files (project, licensee, licensecheck side by side)
  const real = scoreRealFiles(repoRoot);
  console.log('');
  if (real.skipped) console.log(`real LICENSE files: skipped, ${real.skipped}`);
  else {
    console.log(real.byCategory);
    console.log(real.scoreLine);
    console.log(`  of the project's misses: ${real.misses.filter((miss) => miss.answer === null).length} unknown, ${real.undecidedGnu.length} bare GNU texts answered "X-only OR X-or-later" (score.py takes no compound there), ${real.wrong.length} wrong names`);
    for (const miss of real.wrong) console.log(`  wrong: ${miss.file}: ${miss.answer} (truth ${miss.truth})`);
  }
  if (!licensee) {
    console.error(`licensee could not run: ${benchmark.licenseeMissing}; install it with \`apt-get install ruby-licensee\``);
    process.exit(3);
  }
  const failures = [];
  if (ours.right < targetShare * ours.total) failures.push(`license-claims is below ${targetShare * 100}%`);
  if (ours.right < licensee.right) failures.push('license-claims gets fewer right than licensee');
  if (failures.length > 0) {
    console.error(`FAIL: ${failures.join('; ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
