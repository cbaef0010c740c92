// Figures over generated trees, through the CLI as a user runs it
// (`license-claims audit DIR --format json --fail-on never`, wall time of
// the process, its JSON written to a file):
//
//   workspace  a large tree (Markdown, manifests, LICENSE files, sources,
//              and an ignored node_modules), next to ripgrep searching the
//              claim phrases over the files the audit reads, next to the
//              floor (bench/floor.mjs: plain Node walking, reading those
//              files and running the fast claim regex over each), and next
//              to reuse lint, licensee detect and licensecheck -r; then the
//              real tree (this project's own node_modules, real packages)
//              against rg and the floor.
//   scaling    trees of growing size (no node_modules): time, and time per
//              file beyond the fixed cost (the audit of a 4-file tree).
//
// Trees are git repositories (`git init`, nothing committed), so that every
// tool that honours .gitignore only inside a git repository (reuse) skips
// node_modules as our CLI does; rg also gets --no-require-git.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './tree/generateTree.mjs';
import { cliPath, log, makeTempDir, median, repeat, timeProcess } from './lib.mjs';
import { licensecheck, licenseeDetect, projectFolders, reuseLint, ripgrep } from './peers.mjs';

const floorScript = fileURLToPath(new URL('floor.mjs', import.meta.url));
const peakRssScript = fileURLToPath(new URL('peakRss.cjs', import.meta.url));

/**
 * The real tree: this project's own node_modules (real packages), audited as
 * a tree of its own, against rg and the plain Node floor over it.
 */
export async function measureRealTree(tree, { runs, peerRuns, pattern, engineBundle, peers = [], timeoutMs, budgetMs }) {
  const scratch = makeTempDir('real-tree-out');
  try {
    const result = await measureAgainstBaselines(tree, { label: 'real tree', runs, pattern, engineBundle, timeoutMs, budgetMs, scratch });
    // node_modules sits in this project's git repository, which ignores it: reuse is kept from finding that repository
    return { ...result, peers: await measurePeers(tree, { label: 'real tree', peers, peerRuns, timeoutMs, budgetMs, scratch, env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(tree) } }) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Generates a tree under the temp dir and makes it a git repository. */
export function makeTree(name, { files, nodeModules, seed = 1 }) {
  const root = makeTempDir(name);
  const started = performance.now();
  const counts = generateTree(root, { files, nodeModules, seed });
  const git = spawnSync('git', ['init', '--quiet', root], { encoding: 'utf8' });
  log(`generated ${root}: ${counts.files} files + ${counts.nodeModules} in node_modules, ${counts.projects} projects (${((performance.now() - started) / 1000).toFixed(1)} s)${git.status === 0 ? ', git init' : `; git init failed: ${git.stderr || git.error}`}`);
  return { root, ...counts, git: git.status === 0 };
}

/** One CLI audit of `tree`: wall time, peak RSS (VmHWM, bench/peakRss.cjs), and what it judged (from its JSON summary). */
export async function cliAudit(tree, { timeoutMs = 0, scratch }) {
  const stdoutFile = join(scratch, 'audit.json');
  const peakFile = join(scratch, 'audit.peak');
  rmSync(peakFile, { force: true });
  const env = { ...process.env, LICENSE_CLAIMS_BENCH_PEAK_FILE: peakFile };
  const run = await timeProcess(process.execPath, ['-r', peakRssScript, cliPath, 'audit', tree, '--format', 'json', '--fail-on', 'never'], { stdoutFile, timeoutMs, env });
  if (run.timedOut) return run;
  if (run.code !== 0) throw new Error(`license-claims audit exited ${run.code ?? run.signal}: ${run.stderr.slice(-2000)}`);
  const output = JSON.parse(readFileSync(stdoutFile, 'utf8'));
  const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN;
  return { ...run, peak, findings: output.findings.length, files: output.summary?.files, projects: output.summary?.projects };
}

/** One run of the floor (bench/floor.mjs) over `tree`: wall time, and the files it read. */
async function floorRun(tree, { engineBundle, timeoutMs, scratch }) {
  const stdoutFile = join(scratch, 'floor.json');
  const run = await timeProcess(process.execPath, [floorScript, engineBundle, tree], { stdoutFile, timeoutMs });
  if (run.error || run.code !== 0) throw new Error(`bench/floor.mjs failed: ${run.error?.message ?? run.stderr.slice(-1000)}`);
  return { ...run, ...JSON.parse(readFileSync(stdoutFile, 'utf8')) };
}

/**
 * Runs of our CLI interleaved with runs of rg and of the plain Node floor
 * (so that the machine's noise falls on all alike), until `runs` or
 * `budgetMs` of our time. `label` names the tree in the log.
 */
export async function measureAgainstBaselines(tree, { label, runs, pattern, engineBundle, timeoutMs, budgetMs, scratch }) {
  const ours = [];
  const rg = [];
  const floor = [];
  for (let index = 0; index < runs; index++) {
    const search = await ripgrep(tree, pattern, { stdoutFile: join(scratch, 'rg.txt'), timeoutMs });
    if (search.error || (search.code !== 0 && search.code !== 1)) throw new Error(`rg failed: ${search.error?.message ?? search.stderr.slice(-500)}`);
    rg.push(search.ms);
    const plain = await floorRun(tree, { engineBundle, timeoutMs, scratch });
    floor.push(plain);
    const audit = await cliAudit(tree, { timeoutMs, scratch });
    ours.push(audit);
    log(`${label}: license-claims audit ${(audit.ms / 1000).toFixed(2)} s${audit.timedOut ? ' (timed out)' : `, ${audit.files} files judged, ${audit.findings} findings`}; rg ${(search.ms / 1000).toFixed(2)} s; plain Node ${(plain.ms / 1000).toFixed(2)} s (${plain.files} files)`);
    if (audit.timedOut || ours.reduce((sum, run) => sum + run.ms, 0) > budgetMs) break;
  }
  const rgMatchingFiles = readFileSync(join(scratch, 'rg.txt'), 'utf8').split('\n').filter(Boolean).length;
  return {
    ours: { ms: median(ours.map((run) => run.ms)), peak: median(ours.filter((run) => !run.timedOut).map((run) => run.peak)), runs: ours.length, timedOut: ours.some((run) => run.timedOut), files: ours[0].files, findings: ours[0].findings },
    rg: { ms: median(rg), runs: rg.length, matchingFiles: rgMatchingFiles },
    floor: { ms: median(floor.map((run) => run.ms)), runs: floor.length, files: floor[0].files, bytes: floor[0].bytes },
  };
}

/** `peerRuns` runs of each peer tool in `peers` over `tree` (licensee on its project folders); `env` for reuse. */
async function measurePeers(tree, { label, peers, peerRuns, timeoutMs, budgetMs, scratch, env }) {
  const result = {};
  const folders = peers.includes('licensee') ? projectFolders(tree) : [];
  const commands = {
    reuse: () => reuseLint(tree, { stdoutFile: join(scratch, 'reuse.txt'), timeoutMs, env }),
    licensee: () => licenseeDetect(folders, { stdoutFile: join(scratch, 'licensee.txt'), timeoutMs }),
    licensecheck: () => licensecheck(tree, { stdoutFile: join(scratch, 'licensecheck.txt'), timeoutMs }),
  };
  for (const name of peers) {
    const results = await repeat(peerRuns, async () => {
      const run = await commands[name]();
      log(`${label}: ${name} ${run.timedOut ? `killed after ${timeoutMs / 1000} s` : `${(run.ms / 1000).toFixed(2)} s (exit ${run.code})`}`);
      if (run.error) throw new Error(`${name} could not run: ${run.error.message}`);
      return run;
    }, { budgetMs });
    const timedOut = results.some((run) => run.timedOut);
    const failed = results.find((run) => !run.timedOut && run.code !== 0 && !(name === 'reuse' && run.code === 1));
    result[name] = {
      ms: timedOut ? timeoutMs : median(results.map((run) => run.ms)),
      runs: results.length,
      timedOut,
      ...(failed ? { failure: `exit ${failed.code ?? failed.signal}: ${failed.stderr.trim().split('\n').slice(-2).join(' / ')}` } : {}),
      ...(name === 'licensee' ? { folders: folders.length } : {}),
    };
  }
  return result;
}

/**
 * The workspace figure: our CLI against rg and the plain Node floor
 * (measureAgainstBaselines), then `peerRuns` runs of each peer that is
 * installed. `budgetMs` bounds the time spent repeating one tool.
 */
export async function measureWorkspace(tree, { runs, peerRuns, pattern, engineBundle, peers, timeoutMs, budgetMs }) {
  const scratch = makeTempDir('workspace-out');
  try {
    const result = { ...(await measureAgainstBaselines(tree, { label: 'workspace', runs, pattern, engineBundle, timeoutMs, budgetMs, scratch })), peers: {} };
    result.peers = await measurePeers(tree, { label: 'workspace', peers, peerRuns, timeoutMs, budgetMs, scratch });
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The scaling curve: for each size, a tree of that many files (no
 * node_modules) and the median CLI audit time; first, the fixed cost: the
 * audit of a 4-file tree (a README, a package.json, a LICENSE, a .gitignore).
 */
export async function measureScaling({ sizes, runs, timeoutMs, budgetMs, keep }) {
  const results = [];
  for (const files of [4, ...sizes]) {
    const tree = makeTree(`scaling-${files}`, { files, nodeModules: 0, seed: 2 });
    const scratch = makeTempDir('scaling-out');
    try {
      const audits = await repeat(runs, async () => {
        const audit = await cliAudit(tree.root, { timeoutMs, scratch });
        log(`scaling ${files}: ${audit.timedOut ? `killed after ${timeoutMs / 1000} s` : `${(audit.ms / 1000).toFixed(2)} s`}`);
        return audit;
      }, { budgetMs });
      const timedOut = audits.some((audit) => audit.timedOut);
      results.push({ files: tree.files, ms: timedOut ? timeoutMs : median(audits.map((audit) => audit.ms)), timedOut, runs: audits.length, judged: audits[0].files });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      if (keep) log(`kept ${tree.root}`);
      else rmSync(tree.root, { recursive: true, force: true });
    }
  }
  const [fixed, ...curve] = results;
  return { fixed, curve };
}
