// A fixed-seed sample of the fuzz properties (test/fuzz/targets.ts) inside
// `npm test`: every parser and detector against a few hundred generated inputs
// (random text and bytes, mutated fixtures and corpus files, token soups, and
// some 100 KB+ lines, deep nesting and huge arrays). `npm run fuzz` runs the
// same properties against 100,000+ inputs each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, targets } from './fuzz/targets.js';

const seed = 20_240_611;
const numRuns = 120;
/** More of the heavy inputs than the fuzz script has (3 % instead of 0.4 %): few runs here. */
const heavyWeight = 25;

for (const target of targets) {
  test(`fuzz sample: ${target.name} — ${target.covers}`, (t) => {
    const report = fuzz(target, { seed, numRuns, heavyWeight });
    t.diagnostic(`slowest: ${Math.round(report.slowestMs)} ms (${report.slowestInput.slice(0, 120)})`);
    assert.equal(report.failure, undefined, `${report.failure}\nreplay: npm run fuzz -- --target ${target.name} --seed ${seed}${report.path ? ` --path ${report.path}` : ''}`);
    assert.equal(report.runs, numRuns, 'every input was checked');
  });
}
