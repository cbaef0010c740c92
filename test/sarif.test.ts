// SARIF 2.1.0 output, validated by Microsoft's SARIF Multitool (offline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './support/workspace.js';
import { ruleIds } from '../server/src/engine/rules/index.js';

const multitool = join(repoRoot, 'node_modules', '.bin', 'sarif-multitool');

test('SARIF for the fixtures lists every rule and validates with zero errors and warnings in the SARIF Multitool', (context) => {
  const result = runCli(['audit', 'test-fixtures', '--format', 'sarif']);
  assert.equal(result.status, 1, result.stderr);
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), [...ruleIds]);
  for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /docs\/rules\/.+\.md$/);
  assert.ok(run.results.length > 10);
  for (const item of run.results) {
    assert.ok(ruleIds.includes(item.ruleId));
    assert.ok(['error', 'warning', 'note'].includes(item.level));
    assert.equal(item.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!item.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
  }
  if (!existsSync(multitool)) {
    context.skip('the SARIF Multitool (npm @microsoft/sarif-multitool) is not installed for this platform');
    return;
  }
  const dir = tempDir('license-claims-sarif-');
  const input = join(dir, 'audit.sarif');
  const output = join(dir, 'validation.sarif');
  writeFileSync(input, result.stdout);
  const validation = spawnSync(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(validation.status, 0, `${validation.stdout}\n${validation.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const problems = (report.runs[0].results ?? []).map((item: { level?: string; ruleId: string; message: { id?: string; arguments?: string[] } }) =>
    `${item.level ?? 'warning'} ${item.ruleId} ${item.message.id ?? ''} ${(item.message.arguments ?? []).join(' | ')}`);
  assert.deepEqual(problems, []);
});
