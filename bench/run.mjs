// `npm run bench`: how fast License Claims is, next to baselines measured in
// the same run (the machines are shared and noisy, so every figure is a
// median of several runs and is read as a ratio). A benchmark, not a test:
// it asserts nothing and exits 0 whether targets are met or not (1 only when
// something could not be measured at all).
//
//   npm run bench                 (builds first; writes docs/benchmarks.md)
//   node bench/run.mjs [--quick] [--skip-peers] [--keep] [--write] [--only LIST] [--peer-timeout S]
//
//   --quick         small documents and trees, fewer runs (for development);
//                   does not write docs/benchmarks.md unless --write
//   --skip-peers    no reuse / licensee / licensecheck (ripgrep, the
//                   baseline, is still used)
//   --keep          keep the generated trees (their paths are printed)
//   --write         write docs/benchmarks.md even with --quick or --only
//   --only LIST     some figures only: keystroke,lsp,startup,identify,workspace,memory,models,scaling
//   --peer-timeout  seconds after which a peer tool (and any one run) is
//                   killed and reported as "> N s" (default 600, quick 120)
//
// Figures (see docs/benchmarks.md for the method): 1. the keystroke path
// (engine in-process, and didChange → diagnostics through the server),
// 2. a workspace audit by the CLI vs rg, the plain Node floor and the peers,
// and of the real tree (this project's node_modules), 3. the server's peak
// memory over a workspace audit, 4. server start-up, 5. LICENSE
// identification rate vs licensee, 6. what reading model references costs a
// workspace audit (bench/modelCost.mjs), 7. the scaling curve.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { bundleEngine, loadEngine, ripgrepPattern } from './engine.mjs';
import { measureIdentify } from './identifyRate.mjs';
import { formatBytes, formatCount, formatMs, formatRatio, log, makeTempDir, repoRoot, useBuildCopy, cliPath } from './lib.mjs';
import { ensureTools, tools } from './peers.mjs';
import { measureAuditMemory, measureDidChange, measureStartup, serverDebounce } from './server.mjs';
import { makeTree, measureRealTree, measureScaling, measureWorkspace } from './workspace.mjs';
import { measureModelCost } from './modelCost.mjs';

const MiB = 1024 * 1024;
const figures = ['keystroke', 'lsp', 'startup', 'identify', 'workspace', 'memory', 'models', 'scaling'];
const usage = 'usage: node bench/run.mjs [--quick] [--skip-peers] [--keep] [--write] [--only keystroke,lsp,startup,identify,workspace,memory,models,scaling] [--peer-timeout SECONDS]';

function parseArgs(argv) {
  const options = { quick: false, skipPeers: false, keep: false, write: false, only: undefined, peerTimeoutS: undefined };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--skip-peers') options.skipPeers = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--only') options.only = (argv[++index] ?? '').split(',').filter(Boolean);
    else if (arg === '--peer-timeout') options.peerTimeoutS = Number(argv[++index]);
    else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`unknown argument ${arg}\n${usage}`);
      process.exit(2);
    }
  }
  const unknown = options.only?.filter((name) => !figures.includes(name)) ?? [];
  if (unknown.length > 0 || (options.peerTimeoutS !== undefined && !(options.peerTimeoutS > 0))) {
    console.error(`bad --only or --peer-timeout\n${usage}`);
    process.exit(2);
  }
  return options;
}

/** What a run measures, by mode. */
function plan(options) {
  const quick = options.quick;
  const peerTimeoutS = options.peerTimeoutS ?? (quick ? 120 : 600);
  return {
    mode: quick ? 'quick' : 'full',
    docSizes: quick ? [256 * 1024, MiB] : [MiB, 5 * MiB],
    coldRuns: quick ? 2 : 5,
    editRuns: quick ? 3 : 9,
    lspRuns: quick ? 3 : 7,
    startupRuns: quick ? 3 : 9,
    identifyRuns: quick ? 2 : 5,
    tree: quick ? { files: 2000, nodeModules: 5000 } : { files: 20000, nodeModules: 50000 },
    workspaceRuns: quick ? 2 : 5,
    peerRuns: quick ? 1 : 3,
    memoryRuns: quick ? 1 : 3,
    modelRuns: quick ? 3 : 5,
    scalingSizes: quick ? [250, 1000, 2000] : [1000, 10000, 50000],
    scalingRuns: quick ? 2 : 3,
    // repeating one tool stops once this much measured time is spent (at least one run)
    budgetMs: quick ? 60_000 : 300_000,
    timeoutMs: peerTimeoutS * 1000,
    peers: options.skipPeers ? [] : ['reuse', 'licensee', 'licensecheck'],
    selected: new Set(options.only ?? figures),
  };
}

function machine() {
  return {
    nproc: availableParallelism(),
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    os: `${type()} ${release()}`,
    load: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

function ourVersion() {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const git = (args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const commit = git(['rev-parse', '--short', 'HEAD']).stdout?.trim();
  const dirty = git(['status', '--porcelain', '--', 'server/src', 'bin', 'esbuild.mjs']).stdout?.trim();
  return `license-claims ${version}${commit ? ` (commit ${commit}${dirty ? ', with uncommitted changes under server/src' : ''})` : ''}`;
}

/** Milliseconds per file beyond the fixed cost of an audit. */
const perFile = (point, fixed) => Math.max(0, point.ms - fixed.ms) / point.files;
const seconds = (ms) => `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
const runs = (count) => ` (n=${count})`;
const yes = (met) => (met === undefined ? '—' : met ? 'yes' : '**no**');

/** A row of the table: figure, ours, baseline, ratio (ours ÷ baseline), target, met. */
const row = (figure, ours, baseline, ratio, target = '—', met = undefined) => ({ figure, ours, baseline, ratio: typeof ratio === 'string' ? ratio : formatRatio(ratio), target, met: yes(met) });

function table(rows) {
  const lines = ['| figure | ours | baseline | ratio | target | met? |', '|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`);
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const p = plan(options);
  const want = (name) => p.selected.has(name);
  const startedAt = new Date();
  const host = machine();
  const version = ourVersion();
  log(`${p.mode} run on ${host.nproc} cores, ${host.memory}, node ${host.node}, load ${host.load}`);
  for (const file of ['license-claims.js', 'server.js']) {
    if (!existsSync(join(repoRoot, 'server', 'out', file))) throw new Error(`server/out/${file} is missing: run \`npm run build\` (npm run bench does)`);
  }

  const needed = [
    ...(want('workspace') ? ['rg', ...p.peers] : []),
    ...(want('identify') && !options.skipPeers ? ['licensee'] : []),
  ];
  const { versions, missing } = ensureTools([...new Set(needed)]);
  for (const why of Object.values(missing)) log(`missing: ${why}`);

  const scratch = makeTempDir('run');
  // the build as it is now, and the engine bundled from the sources as they are now: a rebuild meanwhile changes nothing measured
  useBuildCopy(join(scratch, 'build'));
  log(`running the CLI and the server from a copy of the build: ${cliPath}`);
  const rows = [];
  const notes = Object.values(missing).map((why) => `Not measured: ${why}.`);
  const results = {};
  const debounce = serverDebounce();
  const regexNote = 'baseline: one fast pass of one regular expression (the 13 claimPatterns of phrases.ts as alternatives, words started with `(?<!\\w)`, not `\\b`: bench/engine.mjs fastForm) over the same text';
  try {
    const bundle = await bundleEngine(join(scratch, 'engine.cjs'));
    const engine = loadEngine(bundle);

    if (want('keystroke')) {
      log(`keystroke: ${p.docSizes.map(formatBytes).join(', ')} documents, ${p.coldRuns} cold and ${p.editRuns} edited judgments each`);
      const child = spawnSync(process.execPath, ['--expose-gc', join(repoRoot, 'bench', 'keystroke.mjs'), bundle, JSON.stringify({ sizes: p.docSizes, coldRuns: p.coldRuns, editRuns: p.editRuns })], {
        encoding: 'utf8', maxBuffer: 64 * MiB, stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (child.status !== 0) throw new Error(`bench/keystroke.mjs exited ${child.status ?? child.signal}`);
      results.keystroke = JSON.parse(child.stdout);
      for (const k of results.keystroke) {
        const size = formatBytes(k.bytes);
        const baseline = `${formatMs(k.regexMs)} regex${runs(k.runs.regex)}`;
        rows.push(row(`Keystroke: re-judge a ${size} document after a 1-character edit (\`audit()\`, ${formatCount(k.findings)} findings)`, `${formatMs(k.editMs)}${runs(k.runs.edit)}`, baseline, k.editMs / k.regexMs, '≤ 10×', k.editMs / k.regexMs <= 10));
        rows.push(row(`Keystroke: the same edit right after a full collection (the first keystroke after an idle pause: V8 compiles the patterns again)`, `${formatMs(k.afterCollectionMs)}${runs(k.runs.afterCollection)}`, baseline, k.afterCollectionMs / k.regexMs, '— (info)'));
        rows.push(row(`Keystroke: first judgment (cold) of a ${size} document`, `${formatMs(k.coldMs)}${runs(k.runs.cold)}`, baseline, k.coldMs / k.regexMs, '— (info)'));
      }
      notes.push(`Keystroke: ${regexNote}; ${results.keystroke.map((k) => `${formatBytes(k.bytes)}: ${formatCount(k.regexMatches)} phrase matches, ${formatCount(k.findings)} findings`).join('; ')}.`);
    }

    if (want('lsp')) {
      log(`lsp: didChange → diagnostics on ${p.docSizes.map(formatBytes).join(', ')} documents, ${p.lspRuns} changes each`);
      results.lsp = await measureDidChange({ sizes: p.docSizes, runs: p.lspRuns, keep: options.keep });
      for (const [index, l] of results.lsp.entries()) {
        const size = formatBytes(l.bytes);
        // the regex pass over a document of the same requested size, from the keystroke figure
        const regexMs = results.keystroke?.[index]?.regexMs;
        const baseline = regexMs === undefined ? 'n/a (keystroke figure not run)' : `${formatMs(regexMs)} regex`;
        const after = l.totalMs - debounce.ms;
        rows.push(row(`Server: \`didChange\` on a ${size} document → its diagnostics, total (includes the ${debounce.ms} ms debounce)`, `${formatMs(l.totalMs)}${runs(l.runs)}`, baseline, regexMs === undefined ? NaN : l.totalMs / regexMs, '— (info)'));
        rows.push(row(`Server: the same, after the debounce (total − ${debounce.ms} ms)`, formatMs(after), baseline, regexMs === undefined ? NaN : after / regexMs, '≤ 10×', regexMs === undefined ? undefined : after / regexMs <= 10));
      }
      notes.push(`Server didChange: the real server over JSON-RPC stdio; one incremental one-character change per run, timed from sending it to the publishDiagnostics of that version; debounce ${debounce.ms} ms (${debounce.source}); first judgment after didOpen: ${results.lsp.map((l) => `${formatBytes(l.bytes)} ${formatMs(l.openMs)} (${formatCount(l.diagnostics)} diagnostics)`).join(', ')}.`);
    }

    if (want('startup')) {
      log(`startup: ${p.startupRuns} runs`);
      const s = await measureStartup({ runs: p.startupRuns });
      results.startup = s;
      rows.push(row('Start-up: server spawn → first diagnostics of an open README', `${formatMs(s.serverMs)}${runs(s.runs)}`, `${formatMs(s.nodeMs)} \`node -e 0\``, s.serverMs / s.nodeMs, '< 300 ms', s.serverMs < 300));
    }

    if (want('identify')) {
      const withLicensee = Boolean(versions.licensee);
      log(`identify: ${p.identifyRuns} runs${withLicensee ? '' : ' (licensee not available)'}`);
      const i = await measureIdentify({ runs: p.identifyRuns, withLicensee, timeoutMs: p.timeoutMs });
      results.identify = i;
      const rate = (ms) => `${(i.files / (ms / 1000)).toFixed(0)} files/s (${formatMs(ms)})`;
      rows.push(row(`Identification: ${i.files} LICENSE files, one process each (start-up included)`, `${rate(i.oursMs)}${runs(i.runs)}`, withLicensee ? `${rate(i.licenseeMs)} licensee` : options.skipPeers ? 'licensee skipped (--skip-peers)' : 'licensee not installed', withLicensee ? i.oursMs / i.licenseeMs : 'n/a', '—'));
    }

    let tree;
    if (want('workspace') || want('memory') || want('models')) tree = makeTree('workspace', p.tree);
    try {
      if (want('workspace')) {
        if (!versions.rg) throw new Error(`ripgrep is needed for the workspace baseline: ${missing.rg}`);
        const peers = p.peers.filter((name) => versions[name]);
        const w = await measureWorkspace(tree.root, { runs: p.workspaceRuns, peerRuns: p.peerRuns, pattern: ripgrepPattern(engine.claimPatterns), engineBundle: bundle, peers, timeoutMs: p.timeoutMs, budgetMs: p.budgetMs });
        results.workspace = { ...w, tree: { files: tree.files, nodeModules: tree.nodeModules, projects: tree.projects } };
        const label = `${formatCount(tree.files)} files (+${formatCount(tree.nodeModules)} ignored in node_modules)`;
        const ours = `${seconds(w.ours.ms)}${runs(w.ours.runs)}`;
        rows.push(row(`Workspace audit of ${label}: CLI vs rg`, ours, `${seconds(w.rg.ms)} rg${runs(w.rg.runs)}`, w.ours.ms / w.rg.ms, '≤ 3×', w.ours.ms / w.rg.ms <= 3));
        rows.push(row(`Workspace audit of the same tree: CLI vs plain Node walk + read + regex (the floor, ${formatCount(w.floor.files)} files)`, ours, `${seconds(w.floor.ms)} plain Node${runs(w.floor.runs)}`, w.ours.ms / w.floor.ms, '— (info)'));
        // the real tree: this project's own node_modules, real packages
        const realRoot = join(repoRoot, 'node_modules');
        // reuse lint and licensee on the real tree too (licensecheck only on the generated one)
        const realPeers = peers.filter((name) => name !== 'licensecheck');
        const r = await measureRealTree(realRoot, { runs: p.workspaceRuns, peerRuns: p.peerRuns, pattern: ripgrepPattern(engine.claimPatterns), engineBundle: bundle, peers: realPeers, timeoutMs: p.timeoutMs, budgetMs: p.budgetMs });
        results.realTree = r;
        const realOurs = `${seconds(r.ours.ms)}${runs(r.ours.runs)}`;
        rows.push(row(`Real tree (this project's node_modules, ${formatCount(r.floor.files)} files the audit reads, ${formatBytes(r.floor.bytes)}): CLI vs plain Node walk + read + regex (the floor)`, realOurs, `${seconds(r.floor.ms)} plain Node${runs(r.floor.runs)}`, r.ours.ms / r.floor.ms, '≤ 5×', r.ours.ms / r.floor.ms <= 5));
        rows.push(row('Real tree: CLI vs rg', realOurs, `${seconds(r.rg.ms)} rg${runs(r.rg.runs)}`, r.ours.ms / r.rg.ms, '— (info)'));
        const commands = { reuse: '`reuse lint`', licensee: '`licensee detect`', licensecheck: '`licensecheck -r`' };
        const peerRows = (label, result, ourMs, ourCell, names) => {
          for (const name of names) {
            const peer = result.peers[name];
            if (!peer) {
              rows.push(row(`${label}: CLI vs ${commands[name]}`, ourCell, 'not installed', 'n/a', '< 1× (faster)'));
              continue;
            }
            const baseline = peer.timedOut ? `> ${seconds(p.timeoutMs)} (killed)` : `${seconds(peer.ms)}${runs(peer.runs)}${peer.failure ? ` (${peer.failure})` : ''}`;
            const ratio = ourMs / peer.ms;
            rows.push(row(`${label}: CLI vs ${commands[name]}${name === 'licensee' ? ` on its ${formatCount(peer.folders)} project folders` : ''}`, ourCell, baseline, peer.timedOut ? `< ${formatRatio(ratio)}` : ratio, '< 1× (faster)', peer.timedOut ? ourMs < p.timeoutMs : ratio < 1));
          }
        };
        peerRows('Real tree', r, r.ours.ms, realOurs, p.peers.filter((name) => name !== 'licensecheck'));
        const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / MiB).toFixed(0)} MB` : 'not measured');
        rows.push(row(`Memory: CLI peak RSS over the workspace audit of ${formatCount(tree.files)} files`, `${mb(w.ours.peak)}${runs(w.ours.runs)}`, '—', '—', '< 150 MB', Number.isFinite(w.ours.peak) ? w.ours.peak < 150 * MiB : undefined));
        rows.push(row('Memory: CLI peak RSS over the real tree\'s audit', `${mb(r.ours.peak)}${runs(r.ours.runs)}`, '—', '—', '— (info)'));
        notes.push(`Real tree: the CLI judged ${formatCount(r.ours.files ?? 0)} files (${formatCount(r.ours.findings ?? 0)} findings); the floor read ${formatCount(r.floor.files)}; rg matched in ${formatCount(r.rg.matchingFiles)}.`);
        peerRows('Workspace audit', w, w.ours.ms, ours, p.peers);
        notes.push(`Workspace: the CLI judged ${formatCount(w.ours.files ?? 0)} files (${formatCount(w.ours.findings ?? 0)} findings); rg \`--no-require-git -i --count\` over the files the audit reads (globs: manifests, LICENSE-like names, Markdown) with the claim phrases without their look-aheads (ripgrep's regex engine has none), ${formatCount(w.rg.matchingFiles)} matching files; the floor (bench/floor.mjs) walks with \`readdir\` file types, reads the ${formatCount(w.floor.files)} files the audit reads (isRelevantFile) and runs the fast claim regex over each, in its own Node process; the tree is a git repository (\`git init\`), so rg and reuse skip node_modules through .gitignore; on the real tree reuse runs with GIT_CEILING_DIRECTORIES set to this project's folder (whose git repository ignores node_modules), so it lints every file there, nested packages included; the CLI's peak RSS is VmHWM of /proc/self/status at its exit (bench/peakRss.cjs preloaded); licensecheck gets \`--ignore '(^|/)(node_modules|\\.git)/'\`; licensee runs its detect command's code on every folder holding a LICENSE or a manifest, in one Ruby process.`);
      }
      if (want('memory')) {
        log(`memory: workspace audit through the server, up to ${p.memoryRuns} runs`);
        const m = await measureAuditMemory({ tree: tree.root, runs: p.memoryRuns, budgetMs: p.budgetMs });
        results.memory = m;
        rows.push(row(`Memory: server peak RSS over a workspace audit of ${formatCount(tree.files)} files`, `${(m.peak / MiB).toFixed(0)} MB${runs(m.runs)}`, `${(m.idle / MiB).toFixed(0)} MB idle server`, m.peak / m.idle, '< 150 MB', m.peak < 150 * MiB));
        notes.push(`Memory: VmHWM of /proc/PID/status of the server process (all its threads); the audit took ${seconds(m.ms)} through the server (${formatCount(m.files ?? 0)} files, ${formatCount(m.findings ?? 0)} findings).`);
      }
      if (want('models')) {
        log(`models: ${p.modelRuns} interleaved pairs of audits, with and without model references`);
        const m = await measureModelCost(tree.root, { runs: p.modelRuns, timeoutMs: p.timeoutMs, budgetMs: p.budgetMs });
        results.models = m;
        const ratio = m.ours.ms / m.without.ms;
        rows.push(row(`Model references: workspace audit of ${formatCount(tree.files)} files (${formatCount(tree.modelProjects)} of ${formatCount(tree.projects)} projects name the model they run), with claim-closed-model-dependency vs without`, `${seconds(m.ours.ms)}${runs(m.ours.runs)}`, `${seconds(m.without.ms)} without${runs(m.without.runs)}`, ratio, '≤ 1.2×', ratio <= 1.2));
        const cpuRatio = m.ours.cpuMs / m.without.cpuMs;
        rows.push(row('Model references: the same, in CPU time (user + system, workers included)', `${seconds(m.ours.cpuMs)} CPU`, `${seconds(m.without.cpuMs)} CPU without`, cpuRatio, '≤ 1.2×', cpuRatio <= 1.2));
        notes.push(`Model references: "without" is the same CLI built from the same sources with \`modelFileFormat\` answering no format (bench/modelCost.mjs), so the walk reads no YAML, config JSON, code, Modelfile or .env example for model references; it judged ${formatCount(m.without.files ?? 0)} files (${formatCount(m.without.findings)} findings), the CLI as built ${formatCount(m.ours.files ?? 0)} (${formatCount(m.ours.findings)} findings, ${formatCount(m.ours.modelFindings)} of them claim-closed-model-dependency); audits in pairs, alternating which goes first; the pairs' ratios: ${m.ratios.map((value) => formatRatio(value)).join(', ')} in wall time, ${m.cpuRatios.map((value) => formatRatio(value)).join(', ')} in CPU time.`);
      }
    } finally {
      if (tree && options.keep) log(`kept ${tree.root}`);
      else if (tree) rmSync(tree.root, { recursive: true, force: true });
    }

    if (want('scaling')) {
      log(`scaling: ${p.scalingSizes.join(', ')} files`);
      results.scaling = await measureScaling({ sizes: p.scalingSizes, runs: p.scalingRuns, timeoutMs: p.timeoutMs, budgetMs: p.budgetMs, keep: options.keep });
      const { fixed, curve } = results.scaling;
      const first = curve[0];
      for (const s of curve) {
        rows.push(row(`Scaling: CLI audit of ${formatCount(s.files)} files; ratio: time per file ÷ at ${formatCount(first.files)}`, `${s.timedOut ? '> ' : ''}${seconds(s.ms)}${runs(s.runs)}, ${perFile(s, fixed).toFixed(2)} ms/file`, `${seconds(fixed.ms)} fixed cost${runs(fixed.runs)}; ${perFile(first, fixed).toFixed(2)} ms/file at ${formatCount(first.files)}`, perFile(s, fixed) / perFile(first, fixed), '— (≈ 1× is linear)'));
      }
      notes.push(`Scaling: time per file = (audit time − the fixed cost) ÷ files, the fixed cost being the audit of a ${fixed.files}-file tree (a README, a package.json, a LICENSE).`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const endLoad = loadavg().map((value) => value.toFixed(2)).join(' ');
  const report = { startedAt, host: { ...host, loadEnd: endLoad }, versions: { ours: version, ...Object.fromEntries(Object.keys(tools).map((name) => [name, versions[name] ?? 'not installed'])) }, mode: p.mode, plan: p, rows, notes, results, debounce };
  const markdownTable = table(rows);
  console.log(`\n${markdownTable}\n`);
  for (const note of notes) console.log(`- ${note}`);
  const complete = !options.only && !options.quick;
  if (complete || options.write) {
    writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), benchmarksPage(report, markdownTable));
    console.log('\nwrote docs/benchmarks.md');
  } else {
    console.log('\n(a --quick or --only run: docs/benchmarks.md not written; --write writes it)');
  }
}

function scalingSection(scaling) {
  if (!scaling?.curve.length) return 'Not measured in this run.';
  const { fixed, curve } = scaling;
  const first = curve[0];
  const last = curve[curve.length - 1];
  const lines = [
    '| files | CLI audit | per file, beyond the fixed cost | per file ÷ smallest tree\'s |',
    '|---:|---:|---:|---:|',
    `| ${fixed.files} (fixed cost) | ${seconds(fixed.ms)} | — | — |`,
  ];
  for (const s of curve) lines.push(`| ${formatCount(s.files)} | ${s.timedOut ? '> ' : ''}${seconds(s.ms)} | ${perFile(s, fixed).toFixed(2)} ms | ${formatRatio(perFile(s, fixed) / perFile(first, fixed))} |`);
  const growth = perFile(last, fixed) / perFile(first, fixed);
  const factor = (last.files / first.files).toFixed(0);
  const verdict = growth <= 1.5
    ? `from ${formatCount(first.files)} to ${formatCount(last.files)} files (×${factor}) the time per file is ${formatRatio(growth)} the smallest tree's: the audit grows about linearly with the tree (quadratic growth would multiply the time per file by about ×${factor}).`
    : `from ${formatCount(first.files)} to ${formatCount(last.files)} files (×${factor}) the time per file grows ${formatRatio(growth)}: faster than linear (quadratic growth would multiply it by about ×${factor}).`;
  return `${lines.join('\n')}\n\nThe fixed cost (Node start-up, loading the bundle and the license data, judging one small project) is subtracted before dividing by the number of files, so that it does not hide the slope. In this run, ${verdict}`;
}

/**
 * The hand-written analysis of docs/benchmarks.md (its "## Where the time
 * goes" section, up to the next "## "): a run keeps it, since a profile,
 * not the bench, says where the time of a missed target goes.
 */
function keptAnalysis() {
  try {
    const page = readFileSync(join(repoRoot, 'docs', 'benchmarks.md'), 'utf8');
    const found = /^## Where the time goes\n[\s\S]*?(?=^## |(?![\s\S]))/mu.exec(page);
    return found ? `${found[0].trimEnd()}\n\n` : '';
  } catch {
    return '';
  }
}

function benchmarksPage(report, markdownTable) {
  const { host, versions } = report;
  return `# Benchmarks

The latest run of \`npm run bench\` (only the latest is kept here: re-run it
to refresh this page). The machines are shared and noisy, so every figure
is the median of several runs (n) and is read against a baseline measured
in the same run: the ratio is ours ÷ baseline, in time or memory, lower is
better.

- Date: ${report.startedAt.toISOString()} (${report.mode} run)
- Machine: ${host.nproc} cores (${host.cpu}), ${host.memory} memory, ${host.os}; load average ${host.load} at the start, ${host.loadEnd} at the end
- Node.js ${host.node}
- Tools: ${versions.ours}; ${versions.rg}; ${versions.reuse}; ${versions.licensee}; ${versions.licensecheck}

## Results

${markdownTable}

${report.notes.map((note) => `- ${note}`).join('\n')}

${keptAnalysis()}## Method

\`bench/run.mjs\` builds nothing itself (\`npm run bench\` runs \`npm run build\`
first) and generates everything it measures under the system's temp folder
(\`bench/tree/generateTree.mjs\`, deterministic for a seed), removing it
afterwards unless \`--keep\`.

1. **Keystroke path.** In-process (\`bench/keystroke.mjs\`, its own Node
   process with \`--expose-gc\`, a collection before each timed run): the
   engine's public entry \`audit(files)\` (server/src/engine/audit.ts, bundled
   by esbuild as the CLI and the server are) on an openwashed model card of
   ${report.plan.docSizes.map(formatBytes).join(' and ')} (front matter, prose with many claims, code blocks, lists,
   links) plus a package.json and a LICENSE, as the server gathers them, told
   (\`editing\`) that the document is being edited, as the server tells it.
   *Cold* is the first judgment of a text the process has not seen (a new
   document of the same shape each run, after a warm-up on another one, and
   the engine's memory of Markdown chunks cleared);
   *after an edit* re-judges after a one-character insertion in the middle
   of the document, as typing does (each run types one more character). The
   baseline is one pass of a single regular expression made of the claim
   phrases (\`claimPatterns\` of server/src/engine/claims/phrases.ts) over the
   same text, in its fast form (a word started with \`(?<!\\w)\`, not
   \`\\b\`, which under the \`iu\` flags keeps V8 from scanning for the first
   letters: 190–330 ns per character instead of 6–13); the target (≤ 10×)
   applies to the edit figure. Through the real server
   (\`bench/server.mjs\`, JSON-RPC over stdio with
   vscode-languageserver-protocol): the time from an incremental
   \`textDocument/didChange\` to the \`publishDiagnostics\` of that version,
   which includes the server's debounce (a pause in typing of
   ${report.debounce.ms} ms before it judges), so it is also shown minus the
   debounce.
2. **Workspace audit** (\`bench/workspace.mjs\`): a generated monorepo of
   ${formatCount(report.plan.tree.files)} files (READMEs and model cards with claims, documentation
   pages that claim far less often, package.json / pyproject.toml /
   Cargo.toml, LICENSE files, source files) and ${formatCount(report.plan.tree.nodeModules)} more in an ignored
   node_modules; the wall time of \`license-claims audit DIR --format json
   --fail-on never\`, interleaved run by run with ripgrep searching the
   claim phrases over the files the audit reads (\`--no-require-git\`,
   globs for manifests, LICENSE-like names and Markdown) and with the floor
   (\`bench/floor.mjs\`: plain Node walking with \`readdir\` file types,
   reading the same files and running the fast claim regex over each, in its
   own process). The real tree, this project's own node_modules (real
   packages), is audited the same way against rg and the floor (target:
   ≤ 5× the floor). The generated tree goes to the tools people
   run today (\`bench/peers.mjs\`, Debian packages installed with apt-get
   when missing and the bench is root): \`reuse lint\`, \`licensee detect\`
   and \`licensecheck -r\`; one that runs longer than the timeout is killed
   and reported as "> N s".
3. **Memory:** the server's peak resident set (VmHWM) over a
   \`licenseClaims/auditWorkspace\` request on that tree, next to the idle
   server's after \`initialize\`.
4. **Start-up:** from spawning the server to the first diagnostics of a
   README (\`initialize\`, \`initialized\`, \`didOpen\` sent at once, as an
   editor does), next to \`node -e 0\`.
5. **Identification** (\`bench/identifyRate.mjs\`): the 184 LICENSE files of
   \`bench/identify/makeCases.mjs\`, one \`license-claims identify\` process
   against one Ruby process running licensee's detect code per folder, both
   with start-up included. Accuracy is \`npm run bench:identify\`'s business.
6. **Model references** (\`bench/modelCost.mjs\`): the workspace tree
   above (one package project in eight names the model it runs: a vLLM or
   Ollama compose file, a \`.env.example\` or Python that loads it) audited by
   the CLI and by the same CLI built without model references
   (\`modelFileFormat\` answers no format, so no YAML, config JSON, code,
   Modelfile or .env example is read for them and
   claim-closed-model-dependency has nothing to judge), in pairs that
   alternate which goes first; target ≤ 1.2×.
7. **Scaling:** CLI audits of trees of ${report.plan.scalingSizes.map(formatCount).join(', ')} files
   (no node_modules), and of a 4-file tree for the fixed cost.

## Scaling

${scalingSection(report.results.scaling)}
`;
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
