// The `license-claims` command line.
import { parseArgs } from 'node:util';
import { auditFormats, runAudit, type AuditFlags, type FailOn } from './auditCommand.js';
import { runIdentify } from './identifyCommand.js';
import { runExplain } from './explainCommand.js';
import { runModels } from './modelsCommand.js';
import { UsageError } from './usageError.js';
import { policyNames, type PolicyName } from '../engine/licenses/policy.js';
import { toolVersion } from './version.js';
import { readSpdxTextsByOffset } from '../spdxTextFile.js';

// identification reads the few SPDX texts it compares with, not all 5 MB
readSpdxTextsByOffset();

const usage = `Usage:
  license-claims audit [paths…] [--format text|json|sarif|github|gitlab] [--policy osi|cncf|apache-mit|custom]
                       [--fail-on error|warning|info|never] [--config FILE]
                       [--cache] [--cache-location FILE] [--jobs N]
  license-claims pre-commit FILE… [audit options]     (findings in or declared by FILE…)
  license-claims identify FILE… [--format text|json]
  license-claims explain ID|FILE… [--format text|json]  (a license id or name; a file: its clauses)
  license-claims models [paths…] [--format text|json] [--policy P]
  license-claims --help | --version

Exit codes: 0 nothing at or above --fail-on (default: warning), 1 findings at or above it, 2 usage or I/O error.
`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function positiveInteger(flag: string, value: string): number {
  if (!/^[1-9]\d{0,2}$/u.test(value)) throw new UsageError(`--${flag} must be a whole number from 1 to 999 (got "${value}")`);
  return Number(value);
}

export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(usage);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${toolVersion}\n`);
      return 0;
    }
    if (command === 'audit' || command === 'pre-commit') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string' },
          policy: { type: 'string' },
          'fail-on': { type: 'string' },
          config: { type: 'string' },
          cache: { type: 'boolean' },
          'cache-location': { type: 'string' },
          jobs: { type: 'string' },
          help: { type: 'boolean' },
        },
      });
      if (values.help) {
        out(usage);
        return 0;
      }
      const files = command === 'pre-commit' ? positionals : undefined;
      // pre-commit with no files matched (a commit of other files): nothing to check
      if (files?.length === 0) return 0;
      const flags: AuditFlags = {
        paths: files ? ['.'] : positionals,
        only: files,
        format: oneOf('format', values.format, auditFormats, 'text'),
        policy: values.policy === undefined ? undefined : oneOf<PolicyName>('policy', values.policy, policyNames, 'osi'),
        failOn: oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'] as const, 'warning'),
        config: values.config,
        cache: values.cache === true || values['cache-location'] !== undefined,
        cacheLocation: values['cache-location'],
        jobs: values.jobs === undefined ? undefined : positiveInteger('jobs', values.jobs),
      };
      return await runAudit(flags, out, err);
    }
    if (command === 'identify') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { format: { type: 'string' } } });
      return runIdentify(positionals, oneOf('format', values.format, ['text', 'json'] as const, 'text'), out);
    }
    if (command === 'explain') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { format: { type: 'string' } } });
      return runExplain(positionals, oneOf('format', values.format, ['text', 'json'] as const, 'text'), out);
    }
    if (command === 'models') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { format: { type: 'string' }, policy: { type: 'string' } } });
      const policy = values.policy === undefined ? undefined : oneOf<PolicyName>('policy', values.policy, policyNames, 'osi');
      return runModels(positionals, oneOf('format', values.format, ['text', 'json'] as const, 'text'), policy, out);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`license-claims: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    err(`license-claims: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 2;
  }
}


// the GitHub Action's entry (dist/action.js) is in the same bundle as the CLI
export { runGithubAction } from './githubAction.js';
