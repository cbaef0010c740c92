// `identify` on real LICENSE files (../shared/license-texts: 149 files from
// public repositories, labelled by reading them, scored by the folder's own
// score.py against licensee and licensecheck). Skipped with the reason when
// the folder or python3 is not there. Never a wrong license name; at least
// 98% right, counting a bare GNU text answered `X-only OR X-or-later` as
// right (score.py takes no compound answer there, though it counts the bare
// `GPL-2.0` that means the same as right).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from './support/workspace.js';
// @ts-expect-error a plain ES module of the benchmark, without types
import { scoreRealFiles } from '../bench/identify/realFiles.mjs';

interface Miss { file: string; truth: string; answer: string | null }
interface RealScore { skipped?: string; scoreLine: string; right: number; total: number; misses: Miss[]; undecidedGnu: Miss[]; wrong: Miss[] }

test('real LICENSE files: no wrong license name, and at least 98% right', (t) => {
  const score = scoreRealFiles(repoRoot) as RealScore;
  if (score.skipped) {
    t.skip(score.skipped);
    return;
  }
  console.log(score.scoreLine);
  assert.deepEqual(score.wrong.map((miss) => `${miss.file}: ${miss.answer} (truth ${miss.truth})`), []);
  const right = score.right + score.undecidedGnu.length;
  assert.ok(right >= 0.98 * score.total, `${right}/${score.total} right; misses:\n${score.misses.map((miss) => `  ${miss.file}: ${miss.answer}`).join('\n')}`);
});
