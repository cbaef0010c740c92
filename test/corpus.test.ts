// Precision and recall on the labelled corpus of real projects
// (../shared/corpus, read where it is). The floors only rise: raise them when
// the engine gets better.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusDir, corpusPresent, describeScore, scoreCorpus } from './support/corpusScore.js';

// (the false findings left: three from LICENSE-text identification — libsodium ISC read as 0BSD, jq and stb as
// modified licenses — and one claim scoped to a part in prose only, seamless_communication's mExpresso)
const precisionFloor = 1.0;
const recallFloor = 0.97;
const falsePerHundredOrdinaryCeiling = 0;

test(`corpus: precision ≥ ${precisionFloor}, recall ≥ ${recallFloor}, ≤ ${falsePerHundredOrdinaryCeiling} false findings per 100 ordinary projects`, (context) => {
  if (!corpusPresent) {
    context.skip(`the labelled corpus is not at ${corpusDir} (it sits beside the clone as ../shared/corpus)`);
    return;
  }
  const result = scoreCorpus();
  const lines = result.projects.flatMap((project) => [
    ...project.misses.map((miss) => `  MISS ${project.project}: ${miss}`),
    ...project.falsePositives.map((falsePositive) => `  FP   ${project.project}: ${falsePositive}`),
  ]);
  console.log(`corpus of ${describeScore(result)}`);
  assert.ok(result.projects.length >= 80, `${result.projects.length} projects`);
  assert.ok(result.precision >= precisionFloor && result.recall >= recallFloor && result.falsePerHundredOrdinary <= falsePerHundredOrdinaryCeiling, lines.join('\n'));
});
