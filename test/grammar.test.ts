// The TextMate grammars in syntaxes/, checked with vscode-tmgrammar-test
// against the real VS Code host grammars (tm-grammars).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support/workspace.js';

test('syntaxes: every vscode-tmgrammar-test assertion holds', () => {
  const bin = join(repoRoot, 'node_modules', '.bin', 'vscode-tmgrammar-test');
  const result = spawnSync(bin, ['--config', 'syntaxes/test/tmgrammar-test.json', 'syntaxes/test/*.test.*'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  const passedFiles = (result.stdout.match(/run successfu/gu) ?? []).length;
  assert.ok(passedFiles >= 7, result.stdout);
});
