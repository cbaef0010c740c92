// `license-claims models` and the audit agree: for every model fixture, the
// bill of materials lists the references the audit reports, with the same
// "by default" decision (the own-program rule and hardware profiles are
// decided across a project's files, which the command now reads as the audit
// does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../server/src/cli/main.js';

const fixturesDir = join(__dirname, '..', 'test-fixtures');
const modelFixtures = readdirSync(fixturesDir).filter((name) => name.startsWith('closed-model-') || name.startsWith('open-model-'));

async function run(args: string[]): Promise<unknown> {
  let stdout = '';
  const status = await main(args, (text) => (stdout += text), () => undefined);
  assert.equal(status, 0);
  return JSON.parse(stdout);
}

interface Entry { file: string; line: number; column: number; model: string; verdict: string; byDefault: boolean; notDefaultBecause?: string }
interface Finding { rule: string; file: string; line: number; column: number; severity: string; message: string }

test('there are model fixtures', () => assert.ok(modelFixtures.length >= 20, `only ${modelFixtures.length}`));

for (const name of modelFixtures) {
  test(`models and audit agree on ${name}`, async () => {
    const dir = join(fixturesDir, name);
    const models = ((await run(['models', dir, '--format', 'json'])) as { models: Entry[] }).models;
    const findings = ((await run(['audit', dir, '--format', 'json', '--fail-on', 'never'])) as { findings: Finding[] }).findings;
    // every model the policy rejects has the audit's information note on its reference, saying "not run by default" exactly when the command says it is an option
    const notes = findings.filter((finding) => finding.rule === 'claim-closed-model-dependency' && finding.severity === 'info');
    const rejected = models.filter((entry) => entry.verdict === 'rejected');
    assert.deepEqual(notes.map((note) => `${note.file}:${note.line}:${note.column}`).sort(), rejected.map((entry) => `${entry.file}:${entry.line}:${entry.column}`).sort());
    for (const entry of rejected) {
      const note = notes.find((finding) => finding.file === entry.file && finding.line === entry.line && finding.column === entry.column)!;
      assert.equal(/not run by default/u.test(note.message), !entry.byDefault, `${entry.file}:${entry.line} ${entry.model}`);
      if (!entry.byDefault) assert.ok(note.message.includes(entry.notDefaultBecause!), note.message);
    }
    // a warning on a claim exactly when a rejected model is a default
    const warned = findings.some((finding) => finding.rule === 'claim-closed-model-dependency' && finding.severity !== 'info');
    if (warned) assert.ok(rejected.some((entry) => entry.byDefault), 'a warning without a default rejected model');
  });
}

test("the models command applies the own-program rule: an engine's sample deployment is an option, as in the audit", async () => {
  const dir = join(fixturesDir, 'closed-model-own-engine-sample-deployment');
  const models = ((await run(['models', dir, '--format', 'json'])) as { models: Entry[] }).models;
  assert.ok(models.length >= 2);
  for (const entry of models) {
    assert.equal(entry.byDefault, false, entry.file);
    assert.match(entry.notDefaultBecause ?? '', /the project's own program `fastserve`/u);
  }
});
