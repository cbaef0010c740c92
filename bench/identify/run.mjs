// Side-by-side benchmark of `license-claims identify` against licensee
// (Debian package ruby-licensee) and licensecheck (Debian package
// licensecheck, `--shortname-scheme=spdx`, all case files in one run; its
// `GPL-2`/`AGPLv3` read as the SPDX versions) on the same LICENSE files: the cases of
// makeCases.mjs (46 licenses × plain, re-wrapped, Markdown heading, other
// holders). A tool is right on a case when the SPDX id it names is the
// expected one, compared without `-only`/`-or-later`/`+` and case; licensee's
// NOASSERTION, "other" and no answer are wrong.
//
//   npm run bench:identify                (builds first)
//   node bench/identify/run.mjs [--keep] [--json-out FILE] [--licensee-cli] [--jobs N] [--skip-licensecheck]
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
// Exit 0 when ours is at least 98% right on both sets, never fewer right
// than licensee or licensecheck, and names no wrong license on the real
// files; 1 when a target is missed, 2 on a setup error, 3 when licensee
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
export const targetShare = 0.98;

/** `GPL-3.0-only`, `GPL-3.0-or-later`, `GPL-3.0+`, `gpl-3.0` and the undecided `GPL-3.0-only OR GPL-3.0-or-later` all compare as `gpl-3.0`. */
export function comparable(id) {
  return id.toLowerCase().replace(/^(\S+?)-only or \1-or-later$/u, '$1').replace(/(?:-only|-or-later|\+)$/u, '');
}

/** licensecheck's names as SPDX ids: `GPL-2`, `AGPLv3`, `LGPL-2.1+`, `WTFPL-2`. */
export function fromLicensecheck(answer) {
  if (!answer || /^(?:UNKNOWN|NONE)$/u.test(answer)) return null;
  if (/^wtfpl-2$/iu.test(answer)) return 'WTFPL';
  const gnu = /^(A?GPL|LGPL)v?-?(\d)(?:\.(\d))?(\+)?$/iu.exec(answer.trim());
  if (!gnu) return answer.trim();
  const minor = gnu[3] ?? (gnu[1].toUpperCase() === 'LGPL' && gnu[2] === '2' ? '1' : '0');
  return `${gnu[1].toUpperCase()}-${gnu[2]}.${minor}${gnu[4] ? '-or-later' : ''}`;
}

export function isRight(got, expected) {
  if (!got || /^(?:noassertion|other|none)$/iu.test(got)) return false;
  return comparable(got) === comparable(expected);
}

function parseArgs(argv) {
  const options = { keep: false, jsonOut: undefined, licenseeCli: false, jobs: Math.max(2, availableParallelism()), skipLicensecheck: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--json-out') options.jsonOut = argv[++i];
    else if (arg === '--licensee-cli') options.licenseeCli = true;
    else if (arg === '--skip-licensecheck') options.skipLicensecheck = true;
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else {
      console.error(`unknown argument ${arg}; usage: node bench/identify/run.mjs [--keep] [--json-out FILE] [--licensee-cli] [--jobs N] [--skip-licensecheck]`);
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

/** licensecheck's version, or why it cannot run. */
function licensecheckVersion() {
  const result = spawnSync('licensecheck', ['--version'], { encoding: 'utf8' });
  if (result.error) return { ok: false, reason: result.error.code === 'ENOENT' ? '`licensecheck` is not on PATH' : String(result.error) };
  const first = result.stdout.trim().split('\n')[0].replace(/^This is licensecheck version /u, '');
  return { ok: true, version: first.startsWith('licensecheck') ? first : `licensecheck ${first}` };
}

/** One `licensecheck` run over every case file (it prints `FILE<TAB>LICENSE` per file it has an answer for). */
function runLicensecheck(cases) {
  const result = spawnSync('licensecheck', ['--shortname-scheme=spdx', '-m', '--lines=0', ...cases.map((c) => c.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`licensecheck failed: ${result.error ?? result.stderr.trim()}`);
  const byFile = new Map();
  for (const line of result.stdout.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) byFile.set(line.slice(0, tab), line.slice(tab + 1).trim());
  }
  return cases.map((c) => fromLicensecheck(byFile.get(c.file)));
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
const toolScore = (score) => (score ? `${score.right}/${score.total} right (${percent(score.right, score.total)})` : 'not installed');
export const scoreLine = (ours, licensee, licensecheck) =>
  `license-claims: ${toolScore(ours)}  licensee: ${toolScore(licensee)}${licensecheck === undefined ? '' : `  licensecheck: ${toolScore(licensecheck)}`}`;

function report(results, haveLicensee, haveLicensecheck) {
  const lines = [];
  const mark = (right) => (right ? '✓' : '✗');
  const width = Math.max(...licenseIds.map((id) => id.length)) + 2;
  lines.push(`Cells are "ours licensee licensecheck" (✓ right, ✗ wrong${haveLicensee && haveLicensecheck ? '' : ', - not run'}).`);
  lines.push(`${'license'.padEnd(width)}${variants.map((v) => v.padEnd(11)).join('')}ours  licensee  licensecheck`);
  for (const id of licenseIds) {
    const row = results.filter((r) => r.id === id);
    const cells = variants.map((variant) => {
      const r = row.find((candidate) => candidate.variant === variant);
      return `${mark(r.oursRight)} ${haveLicensee ? mark(r.licenseeRight) : '-'} ${haveLicensecheck ? mark(r.licensecheckRight) : '-'}`.padEnd(11);
    });
    const ours = row.filter((r) => r.oursRight).length;
    const theirs = row.filter((r) => r.licenseeRight).length;
    const checked = row.filter((r) => r.licensecheckRight).length;
    lines.push(`${id.padEnd(width)}${cells.join('')}${`${ours}/${row.length}`.padEnd(6)}${(haveLicensee ? `${theirs}/${row.length}` : '-').padEnd(10)}${haveLicensecheck ? `${checked}/${row.length}` : '-'}`);
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
  if (haveLicensecheck) {
    wrong('licensecheck', 'licensecheck', 'licensecheckRight');
    const onlyTheirs = results.filter((r) => r.licensecheckRight && !r.oursRight);
    lines.push('', `licensecheck right where license-claims is wrong: ${onlyTheirs.length}`);
    for (const r of onlyTheirs) lines.push(`  ${r.expected.padEnd(width)}${r.variant.padEnd(11)}ours ${r.ours ?? 'null'}, licensecheck ${r.licensecheck}`);
  }
  return lines.join('\n');
}

export async function runBenchmark({ keep = false, licenseeCli = false, jobs = Math.max(2, availableParallelism()), skipLicensecheck = false } = {}) {
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
    // licensecheck reads slowly (about half a second a file): the test that runs this benchmark leaves it out
    const licensecheck = skipLicensecheck ? { ok: false, reason: '--skip-licensecheck' } : licensecheckVersion();
    let checked;
    let licensecheckMs;
    if (licensecheck.ok) {
      const licensecheckStarted = Date.now();
      checked = runLicensecheck(cases);
      licensecheckMs = Date.now() - licensecheckStarted;
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
      licensecheck: checked ? checked[index] : null,
      licensecheckRight: checked ? isRight(checked[index], c.expected) : false,
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
      licensecheck: licensecheck.ok ? count('licensecheckRight') : null,
      licensecheckVersion: licensecheck.ok ? licensecheck.version : undefined,
      licensecheckMissing: licensecheck.ok ? undefined : licensecheck.reason,
      timings: { oursMs, licenseeMs, licensecheckMs },
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
  const { results, ours, licensee, licensecheck } = benchmark;
  if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(benchmark, null, 2)}\n`);
  console.log(report(results, Boolean(licensee), Boolean(licensecheck)));
  console.log('');
  if (benchmark.dir) console.log(`cases kept in ${benchmark.dir}`);
  console.log(`${results.length} cases: ${benchmark.licenses} licenses × ${variants.join(', ')}; license-claims ${benchmark.timings.oursMs} ms${
    licensee ? `, licensee ${benchmark.licenseeVersion} ${benchmark.timings.licenseeMs} ms (${
      options.licenseeCli ? `CLI per folder, ${options.jobs} at a time` : 'one Ruby process, checked against the CLI on 4 cases'})` : ''}${
    licensecheck ? `, ${benchmark.licensecheckVersion} ${benchmark.timings.licensecheckMs} ms (one run)` : `; licensecheck not run: ${benchmark.licensecheckMissing} (apt-get install licensecheck)`}`);
  console.log(scoreLine(ours, licensee, licensecheck));
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
  if (licensecheck && ours.right < licensecheck.right) failures.push('license-claims gets fewer right than licensecheck');
  if (!real.skipped) {
    // a bare GNU text answered "X-only OR X-or-later" is right (score.py takes no compound there)
    if (real.right + real.undecidedGnu.length < targetShare * real.total) failures.push(`license-claims is below ${targetShare * 100}% on the real LICENSE files`);
    if (real.wrong.length > 0) failures.push(`license-claims names a wrong license on ${real.wrong.length} real LICENSE files`);
  }
  if (failures.length > 0) {
    console.error(`FAIL: ${failures.join('; ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
