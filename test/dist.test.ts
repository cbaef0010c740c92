// dist/ (what the GitHub Action and the pre-commit hook run from a git
// checkout) is committed: it must be exactly what scripts/build-dist.mjs
// builds from the sources now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, tempDir } from './support/workspace.js';

const stale = 'dist/ is out of date: run `npm run build:dist` and commit dist/';

test('dist/ is what scripts/build-dist.mjs builds from the sources now', () => {
  const fresh = join(tempDir('license-claims-dist-'), 'dist');
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-dist.mjs'), fresh], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(built.status, 0, built.stderr);
  const committed = join(repoRoot, 'dist');
  assert.deepEqual(readdirSync(committed).sort(), readdirSync(fresh).sort(), stale);
  for (const name of readdirSync(fresh)) {
    assert.ok(readFileSync(join(committed, name)).equals(readFileSync(join(fresh, name))), `${stale} (dist/${name} differs)`);
  }
  assert.ok((statSync(join(committed, 'license-claims')).mode & 0o111) !== 0, 'dist/license-claims is executable');
});

test('dist/license-claims is executable in git too (pre-commit runs it as a script from a clone)', (context) => {
  const staged = spawnSync('git', ['ls-files', '--stage', 'dist/license-claims'], { cwd: repoRoot, encoding: 'utf8' });
  if (staged.status !== 0 || staged.stdout === '') {
    context.skip(`not in a git checkout, or dist/ not committed yet (${staged.stderr.trim() || 'not tracked'})`);
    return;
  }
  assert.match(staged.stdout, /^100755 /u);
});
