// Precision and recall on the labelled corpus of real projects (test/corpus).
// The floors only rise: raise them when the engine gets better.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCorpus } from './support/corpusScore.js';

const precisionFloor = 1.0;
const recallFloor = 1.0;

test(`corpus: precision ≥ ${precisionFloor}, recall ≥ ${recallFloor}`, () => {
  const result = scoreCorpus();
  const lines = result.projects.flatMap((project) => [
    ...project.misses.map((miss) => `  MISS ${project.project}: ${miss}`),
    ...project.falsePositives.map((falsePositive) => `  FP   ${project.project}: ${falsePositive}`),
  ]);
  console.log(`corpus of ${result.projects.length} projects: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} (${result.hits} labelled lines found, ${result.misses} missed, ${result.falsePositives} false positives)`);
  assert.ok(result.projects.length >= 28);
  assert.ok(result.precision >= precisionFloor && result.recall >= recallFloor, lines.join('\n'));
});
