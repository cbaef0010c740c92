// The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit
// (.ci/run installs it): `pre-commit try-repo` against this repository, in a
// temporary git repository whose files are staged. try-repo clones this
// repository at HEAD (plus its uncommitted changes to tracked files): the hook
// runs the committed dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const inGit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
const skip =
  preCommit.status !== 0
    ? `pre-commit is not installed (apt-get install pre-commit; .ci/run installs it as root): ${preCommit.error?.message ?? preCommit.stderr.trim()}`
    : inGit.status !== 0
      ? `this repository is not a git checkout, which try-repo needs: ${inGit.stderr.trim()}`
      : false;

/** A git repository holding `files`, all staged (nothing committed), as before `git commit`. */
function stagedRepository(files: Record<string, string>): string {
  const root = makeWorkspace(files);
  for (const args of [['init', '-q'], ['add', '-A']]) {
    const run = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  }
  return root;
}

function tryRepo(root: string): { status: number | null; output: string } {
  const run = spawnSync('pre-commit', ['try-repo', repoRoot, 'license-claims', '--verbose', '--color=never'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    // pre-commit's own cache and log, and git's identity for try-repo's commit of uncommitted changes
    env: { ...process.env, PRE_COMMIT_HOME: tempDir('license-claims-pre-commit-home-'), GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('.pre-commit-hooks.yaml: one hook running the committed CLI on Markdown, manifests, configs and LICENSE-like files', () => {
  const [hook] = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; require_serial: boolean }[];
  assert.equal(hook.id, 'license-claims');
  assert.equal(hook.language, 'script');
  assert.equal(hook.entry.split(' ')[0], 'dist/license-claims');
  // pre-commit matches `files` as a Python regular expression; this one means the same in JavaScript
  const files = new RegExp(hook.files.replace(/^\(\?i\)/u, ''), 'iu');
  for (const path of ['README.md', 'docs/Guide.MD', 'model/README.markdown', 'package.json', 'py/pyproject.toml', 'Cargo.toml', 'CITATION.cff', 'codemeta.json', '.license-claims.json', 'LICENSE', 'LICENSE.txt', 'LICENSE-MODEL', 'MODEL_LICENSE', 'UNLICENSE', 'licence.md', 'COPYING', 'sub/COPYING.LESSER']) {
    assert.match(path, files, path);
  }
  for (const path of ['main.py', 'package-lock.json', 'licenses/README.txt', 'docs/licensing.rst']) assert.doesNotMatch(path, files, path);
});

test('pre-commit try-repo: an openwashed README fails the hook with the finding', { skip }, () => {
  const root = stagedRepository({ 'README.md': '# Foo\n\nFoo is an open-source model.\n', 'package.json': '{\n  "name": "foo",\n  "license": "CC-BY-NC-4.0"\n}\n' });
  const run = tryRepo(root);
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /License Claims \(openwashing\)\.+Failed/u);
  assert.match(run.output, /README\.md:3:11 error claim-non-osi-license /u);
});

test('pre-commit try-repo: an honest project passes; a README in a subfolder is judged with the root LICENSE', { skip }, () => {
  const root = stagedRepository({
    'README.md': '# Bar\n\nBar is an open-source library.\n',
    'docs/guide.md': 'The guide to Bar, an open-source library.\n',
    LICENSE: licenseText('MIT'),
    'main.py': 'print("bar")\n',
  });
  const run = tryRepo(root);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /License Claims \(openwashing\)\.+Passed/u);
});
