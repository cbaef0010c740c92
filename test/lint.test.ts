// ESLint with typescript-eslint's typed rules (no floating or misused
// promises) over every TypeScript source and test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from './support/workspace.js';

test('eslint: no problems', async () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const results = await eslint.lintFiles(['server/src', 'client', 'test']);
  const problems = results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`));
  assert.deepEqual(problems, []);
});
