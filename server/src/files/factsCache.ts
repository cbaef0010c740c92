// Remembered facts of files, keyed by path and stamped with the file's
// modification time and size and the claim languages asked for: a file whose
// stamp has not changed is not parsed again (and not even read, when judging
// needs only its facts). The server keeps one in memory across workspace
// audits; the CLI can keep one on disk (`--cache`), stamped with the build
// that wrote it. Both are bounded: past `budget` (the facts' JSON length,
// summed), the entries used longest ago are forgotten.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ClaimLanguage } from '../engine/types.js';
import type { FileFacts } from '../engine/project.js';

export interface CacheStamp {
  mtimeMs: number;
  size: number;
  /** The claim languages asked for ('*': all). */
  languages: string;
}

interface Entry extends CacheStamp {
  facts: FileFacts;
  /** Judging this file needs its text too. */
  needText: boolean;
  /** The facts' JSON length. */
  weight: number;
}

interface CacheFile {
  stamp: string;
  entries: Record<string, Entry>;
}

export const languagesKey = (languages: readonly ClaimLanguage[] | undefined): string => languages?.join(',') ?? '*';

/** The server's in-memory bound, and the CLI's (its file is read whole). */
export const serverCacheBudget = 8 * 1024 * 1024;
export const cliCacheBudget = 64 * 1024 * 1024;

export class FactsCache {
  /** In order of last use. */
  private entries = new Map<string, Entry>();
  private used = new Set<string>();
  private weight = 0;

  constructor(readonly budget = serverCacheBudget) {}

  get(path: string, stamp: CacheStamp): { facts: FileFacts; needText: boolean } | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.mtimeMs !== stamp.mtimeMs || entry.size !== stamp.size || entry.languages !== stamp.languages) return undefined;
    this.used.add(path);
    this.entries.delete(path);
    this.entries.set(path, entry);
    return entry;
  }

  set(path: string, stamp: CacheStamp, facts: FileFacts, needText: boolean, weight: number): void {
    this.forget(path);
    if (weight > this.budget) return;
    this.entries.set(path, { mtimeMs: stamp.mtimeMs, size: stamp.size, languages: stamp.languages, facts, needText, weight });
    this.weight += weight;
    this.used.add(path);
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.budget) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    this.weight -= entry.weight;
  }

  /** Forgets files that the last run did not see (deleted or now ignored). */
  prune(): void {
    for (const path of [...this.entries.keys()]) if (!this.used.has(path)) this.forget(path);
    this.used = new Set();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The facts' JSON length, summed. */
  get totalWeight(): number {
    return this.weight;
  }

  /** A cache file written by another build (or unreadable, or not ours) starts empty. */
  static load(file: string, stamp: string, budget = cliCacheBudget): FactsCache {
    const cache = new FactsCache(budget);
    let parsed: CacheFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      return cache;
    }
    if (parsed?.stamp !== stamp || typeof parsed.entries !== 'object' || parsed.entries === null) return cache;
    for (const [path, entry] of Object.entries(parsed.entries)) {
      if (typeof entry?.mtimeMs === 'number' && typeof entry.size === 'number' && typeof entry.languages === 'string' && typeof entry.weight === 'number' && typeof entry.facts === 'object' && entry.facts !== null) {
        cache.set(path, entry, entry.facts, entry.needText === true, entry.weight);
      }
    }
    cache.used = new Set();
    return cache;
  }

  /** Writes atomically (a temporary file renamed over the old one). */
  save(file: string, stamp: string): void {
    const data: CacheFile = { stamp, entries: Object.fromEntries(this.entries) };
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
  }
}
