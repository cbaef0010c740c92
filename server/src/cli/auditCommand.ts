// `license-claims audit [paths…]`: walk, judge, report.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, configForProject, parseConfig, type Config } from '../engine/config.js';
import { ruleIds } from '../engine/rules/index.js';
import type { Severity } from '../engine/types.js';
import { Positions, type Region } from './positions.js';
import { reportedFindings, sortedByFile, type AuditReport, type ReportedFinding } from './report.js';
import type { FileProblem } from '../engine/declarations/declarationTypes.js';
import { UsageError } from './usageError.js';
import { walk, type Skip } from '../files/walk.js';
import { createHash } from 'node:crypto';
import { auditTree } from '../files/treeAudit.js';
import { FactsCache } from '../files/factsCache.js';
import { progressBar, type Progress } from './progressBar.js';
import { toolVersion } from './version.js';
import { formatProject, formatSummary } from './textReporter.js';
import { terminalSafe } from './terminalText.js';
import { jsonPieces } from './jsonReporter.js';
import { formatSarif } from './sarifReporter.js';
import { formatGithub } from './githubReporter.js';
import { formatGitlab } from './gitlabReporter.js';
import type { PolicyName } from '../engine/licenses/policy.js';

export type FailOn = Severity | 'never';
export const auditFormats = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type AuditFormat = (typeof auditFormats)[number];
export interface AuditFlags {
  paths: string[];
  format: AuditFormat;
  /**
   * The folder report paths are relative to. Default: the first path (DESIGN.md's JSON and SARIF);
   * the github and gitlab formats use the working folder, as those CIs read paths from the repository root.
   */
  baseDirectory?: string;
  /**
   * Report only the findings in these files, or whose related locations (the declarations) are in
   * them (paths relative to the working folder): `license-claims pre-commit` passes the staged files.
   */
  only?: string[];
  policy?: PolicyName;
  failOn: FailOn;
  config?: string;
  /** Keep files' facts on disk between runs (`--cache`), in `cacheLocation`. */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads (`--jobs`); 1 reads on the main thread. */
  jobs?: number;
}

/** Where `--cache` keeps its file by default (in the working folder, as ESLint's .eslintcache). */
export const defaultCacheLocation = '.license-claims-cache';

interface RunContext {
  cache?: FactsCache;
  progress: Progress;
  /** A project's findings, as soon as it is judged (in a fixed order). */
  onProject?: (project: string, findings: ReportedFinding[]) => void;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

function readConfig(path: string, label: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${label}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseConfig(text, label, ruleIds);
}

interface RootRun {
  report: Omit<AuditReport, 'roots' | 'baseDirectory'>;
}

async function auditRoot(rootArg: string, baseDirectory: string, flags: AuditFlags, commandLine: Config, run: RunContext): Promise<RootRun> {
  const absolute = resolve(rootArg);
  if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${rootArg}`);
  const isFile = statSync(absolute).isFile();
  const root = isFile ? dirname(absolute) : absolute;
  const explicit = flags.config ? readConfig(resolve(flags.config), flags.config) : undefined;
  const configs = new Map<string, Config>();
  const walked = walk(
    root,
    (dir, path, text) => {
      if (explicit && dir === '') return explicit.ignore ?? [];
      const config = parseConfig(text, toPosix(relative(process.cwd(), resolve(root, path))) || path, ruleIds);
      configs.set(dir, config);
      return config.ignore ?? [];
    },
    { listOnly: true },
  );
  if (explicit) configs.set('', explicit);
  const configFor = (projectRoot: string): Config => configForProject(configs, projectRoot, commandLine);
  const onlyFile = isFile ? toPosix(relative(root, absolute)) : undefined;
  // paths in reports are relative to the first audited path
  const shown = (file: string) => toPosix(relative(baseDirectory, resolve(root, file))) || '.';
  const findings: { file: string; finding: ReportedFinding }[] = [];
  const problems: AuditReport['problems'] = [];
  const problemRegions: { problem: FileProblem; region: Region }[] = [];
  const tree = await auditTree({
    root,
    listed: walked.listed,
    configFor,
    cache: run.cache,
    jobs: flags.jobs,
    onProgress: (done, total) => run.progress.update(done, total, 'license-claims: reading'),
    // positions are computed while the project's texts are at hand
    onJudged: ({ result, textOf }) => {
      const positions = new Positions(textOf);
      const reported = reportedFindings(result, positions, shown);
      const kept = result.findings.flatMap((finding, index) => (onlyFile === undefined || finding.file === onlyFile ? [{ file: finding.file, finding: reported[index] }] : []));
      return { kept, problems: result.problems.map((problem) => ({ problem, region: positions.region(problem.file, problem.span) })) };
    },
    onReady: ({ kept, problems: own }, projectRoot) => {
      findings.push(...kept);
      problemRegions.push(...own);
      run.onProject?.(shown(projectRoot), kept.map((entry) => entry.finding));
    },
  });
  // problems in walk order, as the audit reports them
  const regionOf = new Map(problemRegions.map((entry) => [entry.problem, entry.region]));
  for (const problem of tree.problems) problems.push({ file: shown(problem.file), message: problem.message, ...regionOf.get(problem)! });
  const skipped: Skip[] = [...walked.skipped, ...tree.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))].map((skip) => ({ ...skip, path: shown(skip.path) }));
  return {
    report: {
      findings: sortedByFile(findings),
      problems,
      skipped,
      ignoredFolders: walked.ignoredFolders,
      filesChecked: tree.files,
      projects: tree.projects,
      policy: configFor('').policy ?? 'osi',
    },
  };
}

/** The build that writes a cache file: a cache from another build is not trusted. */
function cacheStamp(): string {
  let bundle = '';
  try {
    bundle = readFileSync(__filename, 'utf8');
  } catch {
    // running from sources (tests): the version alone
  }
  return `${toolVersion}:${createHash('sha1').update(bundle).digest('base64')}`;
}

/** A project's findings (not none), as soon as it is judged; paths relative to `baseDirectory`. */
export type ProjectListener = (project: string, findings: ReportedFinding[], baseDirectory: string) => void;

/** Audits `flags.paths` and returns the report; `onProject` sees each project's findings as soon as it is judged. */
export async function collectAudit(flags: AuditFlags, err: (text: string) => void, onProject?: ProjectListener): Promise<AuditReport> {
  const paths = flags.paths.length > 0 ? flags.paths : ['.'];
  const first = resolve(paths[0]);
  const baseDirectory = flags.baseDirectory !== undefined ? resolve(flags.baseDirectory) : existsSync(first) && statSync(first).isFile() ? dirname(first) : first;
  const commandLine: Config = flags.policy ? { policy: flags.policy } : {};
  const report: AuditReport = { roots: paths, baseDirectory, findings: [], problems: [], skipped: [], ignoredFolders: 0, filesChecked: 0, projects: 0, policy: flags.policy ?? 'osi' };
  const cacheFile = flags.cache ? resolve(flags.cacheLocation ?? defaultCacheLocation) : undefined;
  const stamp = cacheFile ? cacheStamp() : '';
  const progress = progressBar(process.stderr, flags.format === 'text');
  const only = flags.only === undefined ? undefined : new Set(flags.only.map((path) => toPosix(relative(baseDirectory, resolve(path)))));
  const kept = (findings: ReportedFinding[]) =>
    only === undefined ? findings : findings.filter((finding) => only.has(finding.file) || finding.related.some((related) => only.has(related.file)));
  const run: RunContext = { cache: cacheFile ? FactsCache.load(cacheFile, stamp) : undefined, progress };
  if (onProject) {
    run.onProject = (project, all) => {
      const findings = kept(all);
      if (findings.length === 0) return;
      progress.finish();
      onProject(project, findings, baseDirectory);
    };
  }
  try {
    for (const [index, path] of paths.entries()) {
      const { report: part } = await auditRoot(path, baseDirectory, flags, commandLine, run);
      if (index === 0) report.policy = part.policy;
      report.findings.push(...kept(part.findings));
      report.problems.push(...part.problems);
      report.skipped.push(...part.skipped);
      report.ignoredFolders += part.ignoredFolders;
      report.filesChecked += part.filesChecked;
      report.projects += part.projects;
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`invalid config: ${error.message}`);
    throw error;
  } finally {
    run.progress.finish();
  }
  if (cacheFile && run.cache) {
    run.cache.prune();
    try {
      run.cache.save(cacheFile, stamp);
    } catch (error) {
      err(`license-claims: could not write the cache ${cacheFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    }
  }
  // file names and parser messages come from the audited tree: escaped, one line each
  for (const problem of report.problems) err(`license-claims: ${terminalSafe(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`)}\n`);
  for (const skip of report.skipped) err(`license-claims: skipped ${terminalSafe(`${skip.path}: ${skip.reason}`)}\n`);
  return report;
}

/** Whether the report fails the run (exit 1) at `failOn`. */
export function failsAt(report: AuditReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank[failOn];
  return report.findings.some((finding) => severityRank[finding.severity] >= threshold);
}

/** Pieces of output are written once about this many characters are gathered. */
const writeBatchChars = 64 * 1024;

/** Writes `pieces` in batches: a large report is never one string in memory. */
function writeInBatches(pieces: Iterable<string>, out: (text: string) => void): void {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < writeBatchChars) continue;
    out(batch);
    batch = '';
  }
  if (batch !== '') out(batch);
}

const reporters: Record<Exclude<AuditFormat, 'text' | 'json'>, (report: AuditReport) => string> = {
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
};

export async function runAudit(flags: AuditFlags, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  // github and gitlab: paths from the working folder (the repository root in CI)
  const located = flags.format === 'github' || flags.format === 'gitlab' ? { ...flags, baseDirectory: flags.baseDirectory ?? process.cwd() } : flags;
  // text: each project's findings are printed as soon as it is judged; the other formats are one document, at the end
  const onProject: ProjectListener | undefined =
    flags.format === 'text'
      ? (project, findings, baseDirectory) => out(formatProject(project, findings, (file) => toPosix(relative(process.cwd(), resolve(baseDirectory, file))) || '.'))
      : undefined;
  const report = await collectAudit(located, err, onProject);
  if (flags.format === 'json') writeInBatches(jsonPieces(report), out);
  else out(flags.format === 'text' ? formatSummary(report) : reporters[flags.format](report));
  return failsAt(report, flags.failOn) ? 1 : 0;
}
