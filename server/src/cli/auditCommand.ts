// `license-claims audit [paths…]`: walk, judge, report.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { audit } from '../engine/audit.js';
import { ConfigError, configForProject, parseConfig, type Config } from '../engine/config.js';
import { ruleIds } from '../engine/rules/index.js';
import type { Severity } from '../engine/types.js';
import { Positions } from './positions.js';
import { reportedFindings, type AuditReport } from './report.js';
import { UsageError } from './usageError.js';
import { walk, type Skip } from '../files/walk.js';
import { formatText } from './textReporter.js';
import { formatJson } from './jsonReporter.js';
import { formatSarif } from './sarifReporter.js';
import type { PolicyName } from '../engine/licenses/policy.js';

export type FailOn = Severity | 'never';
export interface AuditFlags {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  policy?: PolicyName;
  failOn: FailOn;
  config?: string;
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

function auditRoot(rootArg: string, baseDirectory: string, flags: AuditFlags, commandLine: Config): RootRun {
  const absolute = resolve(rootArg);
  if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${rootArg}`);
  const isFile = statSync(absolute).isFile();
  const root = isFile ? dirname(absolute) : absolute;
  const explicit = flags.config ? readConfig(resolve(flags.config), flags.config) : undefined;
  const configs = new Map<string, Config>();
  const walked = walk(root, (dir, path, text) => {
    if (explicit && dir === '') return explicit.ignore ?? [];
    const config = parseConfig(text, toPosix(relative(process.cwd(), resolve(root, path))) || path, ruleIds);
    configs.set(dir, config);
    return config.ignore ?? [];
  });
  if (explicit) configs.set('', explicit);
  const configFor = (projectRoot: string): Config => configForProject(configs, projectRoot, commandLine);
  const result = audit(walked.files, { configFor });
  const textOf = new Map(walked.files.map((file) => [file.path, file.text]));
  const positions = new Positions((file) => textOf.get(file));
  const onlyFile = isFile ? toPosix(relative(root, absolute)) : undefined;
  // paths in reports are relative to the first audited path
  const shown = (file: string) => toPosix(relative(baseDirectory, resolve(root, file))) || '.';
  const findings = reportedFindings(result, positions, shown).filter((finding) => onlyFile === undefined || finding.file === shown(onlyFile));
  const skipped: Skip[] = walked.skipped.map((skip) => ({ ...skip, path: shown(skip.path) }));
  return {
    report: {
      findings,
      problems: result.problems.map((problem) => ({ file: shown(problem.file), message: problem.message, ...positions.region(problem.file, problem.span) })),
      skipped,
      ignoredFolders: walked.ignoredFolders,
      filesChecked: walked.files.length,
      projects: result.workspace.projects.length,
      policy: configFor('').policy ?? 'osi',
    },
  };
}

export function runAudit(flags: AuditFlags, out: (text: string) => void, err: (text: string) => void): number {
  const paths = flags.paths.length > 0 ? flags.paths : ['.'];
  const first = resolve(paths[0]);
  const baseDirectory = existsSync(first) && statSync(first).isFile() ? dirname(first) : first;
  const commandLine: Config = flags.policy ? { policy: flags.policy } : {};
  const report: AuditReport = { roots: paths, baseDirectory, findings: [], problems: [], skipped: [], ignoredFolders: 0, filesChecked: 0, projects: 0, policy: flags.policy ?? 'osi' };
  try {
    for (const [index, path] of paths.entries()) {
      const { report: part } = auditRoot(path, baseDirectory, flags, commandLine);
      if (index === 0) report.policy = part.policy;
      report.findings.push(...part.findings);
      report.problems.push(...part.problems);
      report.skipped.push(...part.skipped);
      report.ignoredFolders += part.ignoredFolders;
      report.filesChecked += part.filesChecked;
      report.projects += part.projects;
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`invalid config: ${error.message}`);
    throw error;
  }
  for (const problem of report.problems) err(`license-claims: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
  for (const skip of report.skipped) err(`license-claims: skipped ${skip.path}: ${skip.reason}\n`);
  const display = (file: string) => toPosix(relative(process.cwd(), resolve(baseDirectory, file))) || '.';
  out(flags.format === 'json' ? formatJson(report) : flags.format === 'sarif' ? formatSarif(report) : formatText(report, display));
  if (flags.failOn === 'never') return 0;
  const threshold = severityRank[flags.failOn];
  return report.findings.some((finding) => severityRank[finding.severity] >= threshold) ? 1 : 0;
}
