// `npm run fuzz`: every parser and detector of the engine against at least
// 100,000 generated inputs each (test/fuzz/targets.ts: the properties;
// test/fuzz/generators.ts: the inputs), seeded and reproducible.
//
//   npm run fuzz -- [--seed N] [--runs N] [--target NAME[,NAME…]] [--jobs N]
//                   [--path P [--print]] [--time-limit MS] [--heavy N] [--stall S]
//
// --path replays one input (fast-check's counterexample path); with --print,
// the input is printed instead of run (for an input that hangs).
//
// Each target runs in a child process (--jobs at a time, default: the number
// of cores, at most 4), so that each call's CPU time (what the time bound is
// on) is its own. A failure prints fast-check's counterexample and the
// command that replays it (--target, --seed, --path). A child that stops
// making progress for --stall seconds (default 300) is stopped and the input
// it was stuck on reported the same way.
import fc from 'fast-check';
import { fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzz, targets, type FuzzReport } from '../test/fuzz/targets.js';

interface Options {
  seed: number;
  runs: number;
  targets: string[];
  jobs: number;
  path?: string;
  timeLimitMs?: number;
  heavyWeight: number;
  stallSeconds: number;
  print: boolean;
}

interface ChildInput {
  target: string;
  options: Options;
  /** Where the child writes, before each call, the number of calls made so far (read by the watchdog). */
  progressFile: string;
  /** Where the child writes its report (or the error it died of). */
  reportFile: string;
}

type ChildOutcome = { type: 'report'; report: FuzzReport } | { type: 'error'; error: string };

const childFlag = '--fuzz-child';

const usage = 'usage: npm run fuzz -- [--seed N] [--runs N] [--target NAME[,NAME…]] [--jobs N] [--path P [--print]] [--time-limit MS] [--heavy N] [--stall SECONDS]';

/** The input at `options.path`, as the fuzz run generates it, described and as JSON. */
function printInput(options: Options): void {
  const target = targets.find((candidate) => candidate.name === options.targets[0])!;
  fc.check(fc.property(target.arbitrary({ heavyWeight: options.heavyWeight }), (input: unknown) => {
    console.log(target.describe(input));
    console.log(JSON.stringify(input));
  }), { seed: options.seed, path: options.path, numRuns: 1 });
}

function parseArguments(argv: string[]): Options {
  const options: Options = {
    seed: Date.now() % 2_147_483_647,
    runs: 100_000,
    targets: targets.map((target) => target.name),
    jobs: Math.max(1, Math.min(4, availableParallelism())),
    heavyWeight: 3,
    stallSeconds: 300,
    print: false,
  };
  const integer = (name: string, value: string | undefined, min: number) => {
    const number = Number(value);
    if (value === undefined || !Number.isInteger(number) || number < min) throw new Error(`${name} takes a whole number (at least ${min})\n${usage}`);
    return number;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/su, 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--seed': options.seed = integer('--seed', value(), -2_147_483_648); break;
      case '--runs': options.runs = integer('--runs', value(), 1); break;
      case '--jobs': options.jobs = integer('--jobs', value(), 1); break;
      case '--time-limit': options.timeLimitMs = integer('--time-limit', value(), 1); break;
      case '--heavy': options.heavyWeight = integer('--heavy', value(), 0); break;
      case '--stall': options.stallSeconds = integer('--stall', value(), 1); break;
      case '--path': options.path = value(); break;
      case '--print': options.print = true; break;
      case '--target': {
        const names = (value() ?? '').split(',').filter(Boolean);
        const unknown = names.filter((name) => !targets.some((target) => target.name === name));
        if (names.length === 0 || unknown.length > 0) throw new Error(`unknown target ${unknown.join(', ')} (targets: ${targets.map((target) => target.name).join(', ')})`);
        options.targets = names;
        break;
      }
      case '--help': case '-h': console.log(usage); process.exit(0); break;
      default: throw new Error(`unknown argument ${argv[i]}\n${usage}`);
    }
  }
  if (options.path !== undefined && options.targets.length !== 1) throw new Error('--path replays one input: name its --target');
  if (options.print && options.path === undefined) throw new Error('--print prints the input at --path');
  return options;
}

function replayCommand(target: string, seed: number, path: string | undefined): string {
  return `npm run fuzz -- --target ${target} --seed ${seed}${path ? ` --path ${path}` : ''}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function runChild(input: ChildInput): void {
  const target = targets.find((candidate) => candidate.name === input.target)!;
  const progress = openSync(input.progressFile, 'w');
  let outcome: ChildOutcome;
  try {
    const report = fuzz(target, {
      seed: input.options.seed,
      numRuns: input.options.runs,
      path: input.options.path,
      timeLimitMs: input.options.timeLimitMs,
      heavyWeight: input.options.heavyWeight,
      // a fixed-width number at the start of the file: one small write per input
      onRun: (calls) => writeSync(progress, String(calls).padStart(12), 0),
    });
    outcome = { type: 'report', report };
  } catch (error) {
    outcome = { type: 'error', error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  closeSync(progress);
  writeFileSync(input.reportFile, JSON.stringify(outcome));
}

async function runTarget(name: string, options: Options, workDir: string): Promise<FuzzReport> {
  const input: ChildInput = { target: name, options, progressFile: join(workDir, `${name}.progress`), reportFile: join(workDir, `${name}.json`) };
  writeFileSync(input.progressFile, '');
  const child = fork(__filename, [childFlag, JSON.stringify(input)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const started = performance.now();
  const callsSoFar = () => Number(readFileSync(input.progressFile, 'utf8').trim() || '0');
  return new Promise<FuzzReport>((resolve) => {
    let settled = false;
    let lastCalls = -1;
    let lastChange = performance.now();
    const failed = (failure: string, path?: string): FuzzReport => ({
      target: name, seed: options.seed, runs: callsSoFar(), calls: callsSoFar(), slowestMs: 0, slowestInput: '', worstRatio: 0, worstRatioInput: '',
      totalMs: performance.now() - started, failure, path,
    });
    const finish = (report: FuzzReport) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      resolve(report);
    };
    const watchdog = setInterval(() => {
      const calls = callsSoFar();
      if (calls !== lastCalls) {
        lastCalls = calls;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > options.stallSeconds * 1000) {
        // input number `calls` (0-based) has run for too long: before any shrinking, its path is its index
        finish(options.path !== undefined
          ? failed(`no progress for ${options.stallSeconds} s: the input at --path ${options.path} hangs (in the call or in the checks of its result; --print shows it)`, options.path)
          : failed(`no progress for ${options.stallSeconds} s: input #${calls} (0-based) hangs, in the call or in the checks of its result (if it came before any shrinking, --path ${calls} replays it, --print shows it)`, String(calls)));
        child.kill('SIGKILL');
      }
    }, 1000);
    child.on('error', (error) => finish(failed(`the child process failed: ${error.message}`)));
    child.on('exit', (code, signal) => {
      let outcome: ChildOutcome | undefined;
      try {
        outcome = JSON.parse(readFileSync(input.reportFile, 'utf8')) as ChildOutcome;
      } catch {
        outcome = undefined;
      }
      if (outcome?.type === 'report') finish(outcome.report);
      else if (outcome?.type === 'error') finish(failed(`the child process threw:\n${outcome.error}`));
      else finish(failed(`the child process exited (${signal ?? `code ${code}`}) without a report, at input #${callsSoFar()} (0-based)`, String(callsSoFar())));
    });
  });
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.print) {
    printInput(options);
    return;
  }
  console.log(`fuzz: seed ${options.seed}, ${options.runs.toLocaleString('en')} inputs per target, ${options.targets.length} target(s), ${options.jobs} at a time${options.path ? `, replaying path ${options.path}` : ''}`);
  console.log(`replay everything: npm run fuzz -- --seed ${options.seed} --runs ${options.runs}`);
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'license-claims-fuzz-'));
  const queue = [...options.targets];
  const reports: FuzzReport[] = [];
  const next = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const report = await runTarget(name, options, workDir);
      reports.push(report);
      const target = targets.find((candidate) => candidate.name === name)!;
      const status = report.failure ? 'FAILED' : 'ok';
      console.log(`${name.padEnd(17)} ${report.runs.toLocaleString('en').padStart(9)} inputs in ${seconds(report.totalMs).padStart(7)}  slowest ${Math.round(report.slowestMs)} ms of CPU (${report.slowestInput.slice(0, 110)})  ${status}`);
      if (report.worstRatioInput) console.log(`${''.padEnd(17)} closest to its time bound: ${Math.round(report.worstRatio * 100)}% (${report.worstRatioInput.slice(0, 140)}); fuzzes ${target.covers}`);
      if (report.failure) {
        console.log(report.failure.split('\n').map((line) => `    ${line}`).join('\n'));
        if (report.counterexample) console.log(`    input: ${report.counterexample}`);
        console.log(`    replay: ${replayCommand(name, report.seed, report.path)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, queue.length) }, next));
  rmSync(workDir, { recursive: true, force: true });
  const failures = reports.filter((report) => report.failure);
  const total = reports.reduce((sum, report) => sum + report.runs, 0);
  console.log(`fuzz: ${total.toLocaleString('en')} inputs over ${reports.length} target(s) in ${seconds(performance.now() - started)}, seed ${options.seed}: ${failures.length === 0 ? 'no failure' : `${failures.length} target(s) failed (${failures.map((report) => report.target).join(', ')})`}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

if (process.argv[2] === childFlag) runChild(JSON.parse(process.argv[3]) as ChildInput);
else void main();
