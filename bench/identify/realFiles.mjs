// The second set of `npm run bench:identify`: real LICENSE files from public
// repositories, labelled by reading them (../shared/license-texts, read where
// it is, never copied here), scored by that folder's own score.py against
// licensee and licensecheck (their answers cached there). Absent folder or
// python3: skipped with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const realFilesDir = (repoRoot) => join(repoRoot, '..', 'shared', 'license-texts');

/**
 * Runs score.py; returns its score line, the project's misses (file, truth, answer) and the reason when it could not run.
 * An answer `X-only OR X-or-later` is the honest reading of a bare GNU text that says neither: score.py counts it wrong
 * only because it accepts no compound answer there, while it counts licensee's bare `GPL-2.0` (which means the same) right.
 */
export function scoreRealFiles(repoRoot) {
  const dir = realFilesDir(repoRoot);
  if (!existsSync(join(dir, 'score.py'))) return { skipped: `${dir} is not there` };
  const result = spawnSync('python3', [join(dir, 'score.py'), join(repoRoot, 'bin', 'license-claims.js'), '--verbose'], { cwd: dir, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { skipped: `python3 could not run score.py: ${result.error.message}` };
  const lines = result.stdout.split('\n');
  const scoreLine = lines.find((line) => line.startsWith('real LICENSE files:'));
  if (!scoreLine) return { skipped: `score.py printed no score (exit ${result.status}): ${result.stderr.slice(0, 300)}` };
  const misses = [];
  const start = lines.findIndex((line) => line.startsWith('=== project:'));
  for (let index = start + 1; index < lines.length && !lines[index].startsWith('==='); index++) {
    const file = lines[index].trim();
    const detail = /truth (.+?)(?: \(also ok: .*\))?; got (.+?)\s{3}\[/u.exec(lines[index + 1] ?? '');
    if (file && detail) misses.push({ file, truth: detail[1], answer: detail[2] === 'None' ? null : detail[2] });
  }
  const [, project, total] = /project (\d+)\/(\d+)/u.exec(scoreLine) ?? [];
  const undecidedGnu = misses.filter((miss) => miss.answer && isUndecidedGnu(miss.answer));
  const wrong = misses.filter((miss) => miss.answer !== null && !undecidedGnu.includes(miss));
  return { scoreLine, right: Number(project), total: Number(total), misses, undecidedGnu, wrong, byCategory: lines.slice(lines.findIndex((line) => line.startsWith('=== by category')), lines.indexOf(scoreLine)).join('\n') };
}

/** `GPL-2.0-only OR GPL-2.0-or-later`, or a choice of such pairs (`LGPL-3.0-only OR LGPL-3.0-or-later OR GPL-3.0-only OR GPL-3.0-or-later`). */
function isUndecidedGnu(answer) {
  const parts = answer.split(' OR ');
  const bases = parts.map((part) => /^((?:A|L)?GPL-\d\.\d)-(only|or-later)$/u.exec(part));
  if (bases.some((base) => !base)) return false;
  return bases.every((base) => parts.includes(`${base[1]}-only`) && parts.includes(`${base[1]}-or-later`));
}
