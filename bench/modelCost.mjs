// What reading the models a project runs costs a workspace audit (issue 18's
// target: at most 1.2× the audit without it). "Without it" is the same CLI
// built from the same sources with one change: `modelFileFormat` answers
// "no format" for every name, so the walk reads no YAML, config JSON, code,
// Modelfile or .env example for model references, no file yields one, and
// claim-closed-model-dependency has nothing to judge: the audit as it was
// before model references, on today's code. Both CLIs audit the same
// generated tree (one project in eight names the model it runs), run by run
// in alternating order, and the medians are compared, in wall time and in
// CPU time (user + system of the whole process, bench/cpuTime.cjs), which a
// loaded machine disturbs less.
import { cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { licenseDataFiles, licenseDataPlugin } from '../scripts/licenseData.mjs';
import { cliPath, log, makeTempDir, median, repoRoot, timeProcess } from './lib.mjs';

const cpuPreload = fileURLToPath(new URL('cpuTime.cjs', import.meta.url));
const modelReferencesModule = /server[\\/]src[\\/]engine[\\/]models[\\/]modelReferences\.ts$/;
const formatFunction = 'export function modelFileFormat(name: string): Format | undefined {';

/**
 * Builds the CLI without model references into `dir` (bin/license-claims.js
 * requiring dir/server/out/license-claims.js, as the real CLI does) and
 * returns the path of its bin script.
 */
export async function buildCliWithoutModels(dir) {
  const outdir = join(dir, 'server', 'out');
  let patched = false;
  const withoutModels = {
    name: 'without-model-references',
    setup(context) {
      licenseDataPlugin.setup(context);
      context.onLoad({ filter: modelReferencesModule }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(formatFunction)) throw new Error(`bench/modelCost.mjs: ${args.path} no longer declares \`${formatFunction}\`; update the bench`);
        patched = true;
        return { contents: source.replace(formatFunction, `${formatFunction}\n  if (name !== '') return undefined;`), loader: 'ts' };
      });
    },
  };
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  await build({
    entryPoints: { 'license-claims': join(repoRoot, 'server/src/cli/main.ts'), factsWorker: join(repoRoot, 'server/src/files/factsWorker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { LICENSE_CLAIMS_VERSION: JSON.stringify(version) },
    mainFields: ['module', 'main'],
    plugins: [withoutModels],
  });
  if (!patched) throw new Error('bench/modelCost.mjs: modelReferences.ts was not bundled; update the bench');
  for (const file of licenseDataFiles) cpSync(join(repoRoot, 'server', 'out', file), join(outdir, file));
  cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'bin', 'license-claims.js');
}

async function auditWith(cli, tree, scratch, timeoutMs) {
  const stdoutFile = join(scratch, 'audit.json');
  const run = await timeProcess(process.execPath, ['--require', cpuPreload, cli, 'audit', tree, '--format', 'json', '--fail-on', 'never'], { stdoutFile, timeoutMs });
  if (run.timedOut) return run;
  if (run.code !== 0) throw new Error(`license-claims audit exited ${run.code ?? run.signal}: ${run.stderr.slice(-2000)}`);
  const cpu = /license-claims-bench-cpu-us (\d+)/u.exec(run.stderr);
  if (!cpu) throw new Error('model cost: the audit printed no CPU time (bench/cpuTime.cjs)');
  const output = JSON.parse(readFileSync(stdoutFile, 'utf8'));
  const findings = output.findings;
  return { ...run, cpuMs: Number(cpu[1]) / 1000, files: output.summary?.files, findings: findings.length, modelFindings: findings.filter((finding) => finding.rule === 'claim-closed-model-dependency').length };
}

/**
 * `runs` pairs of audits of `tree`: the CLI as built, and the CLI without
 * model references, alternating which goes first; medians of each.
 */
export async function measureModelCost(tree, { runs, timeoutMs, budgetMs }) {
  const scratch = makeTempDir('model-cost');
  try {
    return await measurePairs(tree, { runs, timeoutMs, budgetMs, scratch, baselineCli: await buildCliWithoutModels(join(scratch, 'without-models')) });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function measurePairs(tree, { runs, timeoutMs, budgetMs, scratch, baselineCli }) {
  const ours = [];
  const without = [];
  let spent = 0;
  for (let index = 0; index < runs; index++) {
    const pair = index % 2 === 0 ? ['ours', 'without'] : ['without', 'ours'];
    for (const which of pair) {
      const run = await auditWith(which === 'ours' ? cliPath : baselineCli, tree, scratch, timeoutMs);
      (which === 'ours' ? ours : without).push(run);
      if (which === 'ours') spent += run.ms;
      if (run.timedOut) throw new Error(`model cost: an audit ran longer than ${timeoutMs / 1000} s`);
    }
    const last = (list) => list[list.length - 1];
    log(`models: with model references ${(last(ours).ms / 1000).toFixed(2)} s, CPU ${(last(ours).cpuMs / 1000).toFixed(2)} s (${last(ours).files} files, ${last(ours).modelFindings} claim-closed-model-dependency findings), without ${(last(without).ms / 1000).toFixed(2)} s, CPU ${(last(without).cpuMs / 1000).toFixed(2)} s (${last(without).files} files)`);
    if (spent > budgetMs) break;
  }
  return {
    ours: { ms: median(ours.map((run) => run.ms)), cpuMs: median(ours.map((run) => run.cpuMs)), runs: ours.length, files: ours[0].files, findings: ours[0].findings, modelFindings: ours[0].modelFindings },
    without: { ms: median(without.map((run) => run.ms)), cpuMs: median(without.map((run) => run.cpuMs)), runs: without.length, files: without[0].files, findings: without[0].findings, modelFindings: without[0].modelFindings },
    ratios: ours.map((run, index) => run.ms / without[index].ms),
    cpuRatios: ours.map((run, index) => run.cpuMs / without[index].cpuMs),
  };
}
