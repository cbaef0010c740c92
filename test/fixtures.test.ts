// Every scenario in test-fixtures/ produces exactly the findings its
// expected.json lists (rule, file, line), through the CLI's own code path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../server/src/cli/main.js';

const fixturesDir = join(__dirname, '..', 'test-fixtures');

interface Expected {
  description: string;
  args?: string[];
  findings: { rule: string; file: string; line: number }[];
}

const key = (finding: { rule: string; file: string; line: number }) => `${finding.file}:${finding.line} ${finding.rule}`;

const scenarios = readdirSync(fixturesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(fixturesDir, entry.name, 'expected.json')));

test('there are fixtures', () => assert.ok(scenarios.length >= 20, `only ${scenarios.length} fixtures`));

for (const scenario of scenarios) {
  const dir = join(fixturesDir, scenario.name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  test(`fixture ${scenario.name}: ${expected.description}`, async () => {
    let stdout = '';
    let stderr = '';
    const args = (expected.args ?? []).map((arg) => (arg.endsWith('.json') && !arg.startsWith('/') ? join(dir, arg) : arg));
    const status = await main(['audit', dir, '--format', 'json', '--fail-on', 'never', ...args], (text) => (stdout += text), (text) => (stderr += text));
    assert.equal(status, 0, stderr);
    const actual = (JSON.parse(stdout).findings as { rule: string; file: string; line: number }[]).map(key).sort();
    assert.deepEqual(actual, expected.findings.map(key).sort());
  });
}
