// How many worker threads an audit uses unless told (factsPool.ts
// defaultWorkerCount): none on two cores or fewer, where workers bought no
// wall time once parsing was cheap and cost 90–110 MB (a heap each); one per
// core, at most four, above that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkerCount } from '../server/src/files/factsPool.js';

test('no worker threads on one or two cores: the files are read and judged on the calling thread', () => {
  assert.equal(defaultWorkerCount(1), 0);
  assert.equal(defaultWorkerCount(2), 0);
});

test('one worker per core from three cores, at most four', () => {
  assert.deepEqual([3, 4, 8, 64].map((cores) => defaultWorkerCount(cores)), [3, 4, 4, 4]);
});
