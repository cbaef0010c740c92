// The workspace audit's walk gives way: it lets other work run every few
// milliseconds, and a cancellation stops it there (the server's audit of a
// tree of tens of thousands of files answers a cancel without walking on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { walk, walkCancellable } from '../server/src/files/walk.js';
import { Cancelled } from '../server/src/files/cancelled.js';
import { tempDir } from './support/workspace.js';

/** 100 folders of 80 files, two of each a README and a manifest (the rest Rust sources, which the audit does not read; TS/JS/Python may name models, and are read). */
function largeTree(): string {
  const root = tempDir('license-claims-walk-');
  for (let folder = 0; folder < 100; folder++) {
    const dir = join(root, `packages/p${folder}/src`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(root, `packages/p${folder}/README.md`), `P${folder} is open source.\n`);
    writeFileSync(join(root, `packages/p${folder}/package.json`), `{"name": "p${folder}", "license": "MIT"}\n`);
    for (let file = 0; file < 78; file++) writeFileSync(join(dir, `module${file}.rs`), '');
  }
  return root;
}

const root = largeTree();

test('walkCancellable finds what walk finds, giving the event loop turns on the way', async () => {
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  try {
    // a turn after every step (by default, after 20 ms of work)
    const walked = await walkCancellable(root, undefined, { listOnly: true, isCancelled: () => false, sliceMs: 0 });
    const expected = walk(root, undefined, { listOnly: true });
    assert.deepEqual(walked.listed.map((file) => file.path), expected.listed.map((file) => file.path));
    assert.equal(walked.listed.length, 200);
    assert.deepEqual(walked.skipped, expected.skipped);
  } finally {
    clearInterval(ticker);
  }
  // a synchronous walk would have let no timer run before it ended
  assert.ok(turns > 0, 'the walk gave the event loop no turn');
});

test('a cancellation during the walk stops it with Cancelled', async () => {
  let cancelled = false;
  // set by a timer: only a walk that gives the event loop a turn ever sees it
  setTimeout(() => (cancelled = true), 0);
  let asked = 0;
  await assert.rejects(
    walkCancellable(root, undefined, { listOnly: true, isCancelled: () => (asked++, cancelled), sliceMs: 0 }),
    (error) => error instanceof Cancelled,
  );
  assert.ok(asked >= 1);
});
