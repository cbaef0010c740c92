// The tree walk: the files an audit reads. Respects .gitignore (and the
// config's `ignore`), skips .git and node_modules, binary files and files over
// the size limit, and follows no symlink out of the root. Every skip of a file
// the audit would have read is reported, never silent.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SourceFile } from '../engine/types.js';
import { isRelevantFile } from '../engine/project.js';
import { configFileName } from '../engine/config.js';
import { Cancelled } from './cancelled.js';

export interface Skip {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: SourceFile[];
  /** With `listOnly`: the relevant files found, not read (the facts workers read them). */
  listed: ListedFile[];
  skipped: Skip[];
  /** Folders left out because of .git, node_modules or ignore rules (counted, not listed). */
  ignoredFolders: number;
}

/** A file the walk found and did not read: its path, and its size and modification time when listed. */
export interface ListedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export const maxFileBytes = 1024 * 1024;
/** Folders no audit reads (the editor's look at a project's model files skips them too). */
export const alwaysSkipped = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** The ignore rules of one folder's .gitignore (or config), for the paths below `base`. */
export interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export function isIgnored(layers: IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const relativePath = layer.base === '' ? path : path.startsWith(`${layer.base}/`) ? path.slice(layer.base.length + 1) : undefined;
    if (relativePath === undefined || relativePath === '') continue;
    if (layer.rules.ignores(isDirectory ? `${relativePath}/` : relativePath)) return true;
  }
  return false;
}

function looksBinary(bytes: Buffer): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** What kind of thing a path is, for skip reasons ("not a regular file (FIFO)"). */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * The bytes of a regular file of at most `limit` bytes, or why not. Opens
 * without blocking and checks the opened file itself, so a FIFO (whose read
 * would wait forever for a writer), a device, or a file swapped or deleted
 * since it was listed is a reason, never a hang or a throw.
 */
export function readRegularFile(absolute: string, limit = maxFileBytes): { bytes: Buffer; mtimeMs: number } | { reason: string } {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { reason: `unreadable (${errorCode(error)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { reason: `not a regular file (${kindOf(stats)})` };
    if (stats.size > limit) return { reason: `larger than ${limit / 1024 / 1024} MiB` };
    const bytes = readFileSync(fd);
    // it may have grown since
    if (bytes.length > limit) return { reason: `larger than ${limit / 1024 / 1024} MiB` };
    return { bytes, mtimeMs: stats.mtimeMs };
  } catch (error) {
    return { reason: `unreadable (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * A relevant file's text, or why it is skipped (too large, unreadable, not a
 * regular file, binary): what the walk does with each file it reads, and
 * what the facts workers do with each file they are given.
 */
export function readTextFile(absolute: string): { text: string; size: number; mtimeMs: number } | { reason: string } {
  const read = readRegularFile(absolute);
  if ('reason' in read) return read;
  if (looksBinary(read.bytes)) return { reason: 'binary' };
  return { text: decoder.decode(read.bytes), size: read.bytes.length, mtimeMs: read.mtimeMs };
}

/**
 * Walks `root`. `onConfig` is called for each config file as the walk meets
 * it (before the folder's files) and returns the ignore patterns it adds; it
 * may throw to stop the walk.
 */
export function walk(root: string, onConfig?: (dir: string, path: string, text: string) => string[], options: { listOnly?: boolean } = {}): WalkResult {
  const result: WalkResult = { files: [], listed: [], skipped: [], ignoredFolders: 0 };
  const steps = walkSteps(root, result, onConfig, options);
  while (!steps.next().done);
  return result;
}

/** Between steps, the longest `walkCancellable` works before it lets other work (a cancellation) in (by default). */
const sliceMs = 20;

/**
 * `walk`, giving the event loop a turn every few milliseconds and stopping
 * with `Cancelled` as soon as `isCancelled` says so (a tree of tens of
 * thousands of files takes seconds to walk).
 */
export async function walkCancellable(
  root: string,
  onConfig: ((dir: string, path: string, text: string) => string[]) | undefined,
  options: { listOnly?: boolean; isCancelled: () => boolean; sliceMs?: number },
): Promise<WalkResult> {
  const result: WalkResult = { files: [], listed: [], skipped: [], ignoredFolders: 0 };
  let sliceStart = performance.now();
  const steps = walkSteps(root, result, onConfig, options);
  while (!steps.next().done) {
    if (performance.now() - sliceStart < (options.sliceMs ?? sliceMs)) continue;
    // a message is parsed one loop turn after it is read: two turns let a $/cancelRequest reach the token
    await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    if (options.isCancelled()) throw new Cancelled();
    sliceStart = performance.now();
  }
  return result;
}

/** Entries of a folder between two steps of the walk. */
const entriesPerStep = 64;

/** The kind of a listed entry that is neither a folder nor a regular file, for skip reasons. */
function kindOfEntry(entry: Dirent): string {
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return 'character device';
  if (entry.isBlockDevice()) return 'block device';
  return 'special file';
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The walk, one step at a time (a step: a folder entered, or some of its
 * entries looked at), filling `result`. Folders are listed with their entries'
 * types (`readdir` with `withFileTypes`): no per-entry `lstat` and no
 * per-folder `realpath`. Only a symbolic link is resolved (`realpath`, then
 * `stat` of its target), and only a relevant file is `stat`ed (its size and
 * time, for the listing). A folder's real path is known without asking: its
 * parent's real path and its name, or a link's resolved target, so a folder
 * reached twice (a link loop, or a link to a folder walked already) is still
 * caught.
 */
function* walkSteps(root: string, result: WalkResult, onConfig: ((dir: string, path: string, text: string) => string[]) | undefined, options: { listOnly?: boolean }): Generator<void> {
  const rootReal = realpathSync(root);
  const visited = new Set<string>();
  const layers: IgnoreLayer[] = [];

  const readRelevant = (absolute: string, path: string, stats: Stats) => {
    if (stats.size > maxFileBytes) {
      result.skipped.push({ path, reason: `larger than ${maxFileBytes / 1024 / 1024} MiB` });
      return;
    }
    if (options.listOnly) {
      result.listed.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
      return;
    }
    const read = readTextFile(absolute);
    // (ENOENT: deleted since the folder was listed)
    if ('reason' in read) result.skipped.push({ path, reason: read.reason });
    else result.files.push({ path, text: read.text });
  };

  /** A relevant regular file (as listed): its size and time, then the listing or its text. */
  const relevantFile = (absolute: string, path: string) => {
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      // (ENOENT: deleted since the folder was listed)
      result.skipped.push({ path, reason: `unreadable (${errorCode(error)})` });
      return;
    }
    // (replaced since the folder was listed: reading it would find the same)
    if (!stats.isFile()) result.skipped.push({ path, reason: `not a regular file (${kindOf(stats)})` });
    else readRelevant(absolute, path, stats);
  };

  function* visit(absoluteDir: string, dir: string, real: string): Generator<void> {
    yield;
    if (visited.has(real)) {
      result.skipped.push({ path: dir || '.', reason: 'symlink loop (folder already visited)' });
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true }).sort(byName);
    } catch (error) {
      const code = errorCode(error);
      // (a folder deleted since its parent was listed is left out)
      if (code !== 'ENOENT') result.skipped.push({ path: dir || '.', reason: `unreadable folder (${code})` });
      return;
    }
    let pushed = 0;
    const has = (name: string) => entries.some((entry) => entry.name === name);
    if (has('.gitignore')) {
      const read = readRegularFile(join(absoluteDir, '.gitignore'));
      if ('reason' in read) {
        result.skipped.push({ path: dir ? `${dir}/.gitignore` : '.gitignore', reason: `.gitignore ${read.reason}` });
      } else {
        layers.push({ base: dir, rules: ignore().add(read.bytes.toString('utf8')) });
        pushed++;
      }
    }
    if (onConfig && has(configFileName)) {
      const path = dir ? `${dir}/${configFileName}` : configFileName;
      const read = readRegularFile(join(absoluteDir, configFileName));
      if ('reason' in read) {
        result.skipped.push({ path, reason: `config file ${read.reason}` });
      } else {
        const patterns = onConfig(dir, path, read.bytes.toString('utf8'));
        if (patterns.length > 0) {
          layers.push({ base: dir, rules: ignore().add(patterns) });
          pushed++;
        }
      }
    }
    for (const [index, entry] of entries.entries()) {
      if (index % entriesPerStep === entriesPerStep - 1) yield;
      const name = entry.name;
      const absolute = join(absoluteDir, name);
      const path = dir ? `${dir}/${name}` : name;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch (error) {
          const code = errorCode(error);
          if (isRelevantFile(path)) result.skipped.push({ path, reason: code === 'ELOOP' ? 'symlink loop (ELOOP)' : `broken symlink (${code})` });
          continue;
        }
        const inside = toPosix(relative(rootReal, target));
        if (inside.startsWith('..') || inside.startsWith('/')) {
          result.skipped.push({ path, reason: 'symlink pointing outside the audited folder' });
          continue;
        }
        let stats: Stats;
        try {
          stats = statSync(absolute);
        } catch (error) {
          // the target went away since realpath
          if (isRelevantFile(path)) result.skipped.push({ path, reason: `unreadable (${errorCode(error)})` });
          continue;
        }
        if (stats.isDirectory()) {
          if (alwaysSkipped.has(name) || isIgnored(layers, path, true)) {
            result.ignoredFolders++;
            continue;
          }
          yield* visit(absolute, path, target);
        } else if (!isRelevantFile(path) || isIgnored(layers, path, false)) {
          continue;
        } else if (stats.isFile()) {
          readRelevant(absolute, path, stats);
        } else {
          result.skipped.push({ path, reason: `not a regular file (${kindOf(stats)})` });
        }
      } else if (entry.isDirectory()) {
        if (alwaysSkipped.has(name) || isIgnored(layers, path, true)) {
          result.ignoredFolders++;
          continue;
        }
        yield* visit(absolute, path, join(real, name));
      } else if (!isRelevantFile(path) || isIgnored(layers, path, false)) {
        continue;
      } else if (entry.isFile()) {
        relevantFile(absolute, path);
      } else {
        result.skipped.push({ path, reason: `not a regular file (${kindOfEntry(entry)})` });
      }
    }
    // this folder's ignore files apply below it only
    layers.splice(layers.length - pushed, pushed);
  }

  yield* visit(root, '', rootReal);
}
