// The GitHub Action (action.yml runs dist/action.js, which calls this): reads
// its inputs from INPUT_* as the runner sets them, audits, prints an annotation
// per finding, appends the job summary to $GITHUB_STEP_SUMMARY, writes the
// SARIF file when asked, and sets the outputs in $GITHUB_OUTPUT.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { collectAudit, failsAt, type FailOn } from './auditCommand.js';
import { countBySeverity } from './report.js';
import { commandData, formatGithub } from './githubReporter.js';
import { formatGithubSummary, type SourceLinks } from './githubSummary.js';
import { formatSarif } from './sarifReporter.js';
import { UsageError } from './usageError.js';
import { policyNames, type PolicyName } from '../engine/licenses/policy.js';

type Environment = Record<string, string | undefined>;

/** An input as the runner passes it: INPUT_ and the name in capitals (a hyphen stays a hyphen), trimmed. */
export function actionInput(env: Environment, name: string): string {
  return (env[`INPUT_${name.replace(/ /gu, '_').toUpperCase()}`] ?? '').trim();
}

function choice<T extends string>(env: Environment, name: string, allowed: readonly T[]): T | undefined {
  const value = actionInput(env, name);
  if (value === '') return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`the input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** `name<<DELIMITER` … `DELIMITER`, as @actions/core writes outputs: a value can hold any line. */
function outputLine(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export async function runGithubAction(env: Environment, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const workspace = resolve(env.GITHUB_WORKSPACE ?? '.');
    const paths = actionInput(env, 'paths').split(/\r?\n/u).map((path) => path.trim()).filter((path) => path !== '');
    const failOn: FailOn = choice<FailOn>(env, 'fail-on', ['error', 'warning', 'info', 'never']) ?? 'warning';
    const policy = choice<PolicyName>(env, 'policy', policyNames);
    const config = actionInput(env, 'config');
    const sarifFile = actionInput(env, 'sarif-file');
    const report = await collectAudit(
      {
        paths: (paths.length > 0 ? paths : ['.']).map((path) => resolve(workspace, path)),
        // annotations, the summary and the SARIF file name files from the repository root
        baseDirectory: workspace,
        format: 'github',
        policy,
        failOn,
        config: config === '' ? undefined : resolve(workspace, config),
      },
      err,
    );
    const failing = failsAt(report, failOn);
    out(formatGithub(report));
    const counts = countBySeverity(report.findings);
    const outputs: [string, string][] = [
      ['findings', String(report.findings.length)],
      ['errors', String(counts.error)],
      ['warnings', String(counts.warning)],
      ['infos', String(counts.info)],
    ];
    if (sarifFile !== '') {
      const path = resolve(workspace, sarifFile);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, formatSarif(report));
      outputs.push(['sarif-file', path]);
      out(`license-claims: wrote the SARIF report ${path}\n`);
    }
    const links: SourceLinks | undefined =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? { server: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, sha: env.GITHUB_SHA } : undefined;
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, formatGithubSummary(report, failing, links));
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, outputs.map(([name, value]) => outputLine(name, value)).join(''));
    out(`license-claims: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${report.filesChecked} files checked)${failing ? `, failing at fail-on ${failOn}` : ''}\n`);
    return failing ? 1 : 0;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    out(`::error title=license-claims::${commandData(message)}\n`);
    return 2;
  }
}
