// The walk lists folders with their entries' types: it asks the file system
// about an entry only when it is a symbolic link (resolved, to keep links
// inside the root) or a file it will read (its size and time). A tree without
// links costs one `realpath` (the root's) and no `lstat`, and a link to a
// folder already walked is still caught without resolving every folder.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { join } from 'node:path';
import { walk } from '../server/src/files/walk.js';
import { makeWorkspace } from './support/workspace.js';

/** Counts the calls of `fs[name]` while the test runs, by first argument. */
function count(t: TestContext, name: 'lstatSync' | 'realpathSync' | 'statSync'): string[] {
  const module = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = module[name];
  const calls: string[] = [];
  t.mock.method(module, name, (...args: unknown[]) => {
    calls.push(String(args[0]));
    return original(...args);
  });
  return calls;
}

const files: Record<string, string> = {
  'README.md': 'Root is open source.\n',
  'package.json': '{"name": "root", "license": "MIT"}\n',
  'a/README.md': 'A is open source.\n',
  'a/src/index.rs': 'fn main() {}\n',
  'a/src/lib.rs': 'pub fn f() {}\n',
  'b/docs/guide.md': 'A guide.\n',
  'b/LICENSE': 'MIT License\n',
  'b/image.png': 'not read\n',
};

test('walk: no lstat, one realpath (the root) and a stat per read file only, in a tree without links', (t) => {
  const root = makeWorkspace(files);
  const lstats = count(t, 'lstatSync');
  const realpaths = count(t, 'realpathSync');
  const stats = count(t, 'statSync');
  const walked = walk(root, undefined, { listOnly: true });
  assert.equal(walked.listed.length, 5);
  assert.deepEqual(lstats, []);
  assert.deepEqual(realpaths, [root]);
  // the listed files only: not the Rust sources, the image or the folders
  assert.deepEqual(stats.map((path) => path.slice(root.length + 1)).sort(), walked.listed.map((file) => file.path).sort());
});

test('walk: listing order is by name in each folder, folders where they sort, sizes and times from the file', () => {
  const root = makeWorkspace(files);
  const walked = walk(root, undefined, { listOnly: true });
  assert.deepEqual(walked.listed.map((file) => file.path), ['README.md', 'a/README.md', 'b/LICENSE', 'b/docs/guide.md', 'package.json']);
  const readme = walked.listed.find((file) => file.path === 'a/README.md')!;
  assert.equal(readme.size, Buffer.byteLength(files['a/README.md']));
  assert.equal(readme.mtimeMs, fs.statSync(join(root, 'a/README.md')).mtimeMs);
});

test('walk: a link to a folder walked already, and a link to its own parent, are caught without resolving every folder', (t) => {
  const root = makeWorkspace(files);
  fs.symlinkSync(join(root, 'a'), join(root, 'b/again'));
  fs.symlinkSync('..', join(root, 'a/up'));
  const realpaths = count(t, 'realpathSync');
  const walked = walk(root, undefined, { listOnly: true });
  assert.deepEqual(walked.skipped, [
    { path: 'a/up', reason: 'symlink loop (folder already visited)' },
    { path: 'b/again', reason: 'symlink loop (folder already visited)' },
  ]);
  assert.deepEqual(walked.listed.map((file) => file.path), ['README.md', 'a/README.md', 'b/LICENSE', 'b/docs/guide.md', 'package.json']);
  // the root and the two links
  assert.deepEqual(realpaths.map((path) => path.slice(root.length)).sort(), ['', '/a/up', '/b/again']);
});

test('walk: a link to a folder not yet walked is walked once, under the link, and the folder itself is then a loop', () => {
  const root = makeWorkspace({ 'a/README.md': 'A is open source.\n', 'z/README.md': 'Z is open source.\n' });
  fs.symlinkSync(join(root, 'z'), join(root, 'a/link'));
  const walked = walk(root, undefined, { listOnly: true });
  assert.deepEqual(walked.listed.map((file) => file.path), ['a/README.md', 'a/link/README.md']);
  assert.deepEqual(walked.skipped, [{ path: 'z', reason: 'symlink loop (folder already visited)' }]);
});
