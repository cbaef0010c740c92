// Remembered facts of files, keyed by path and a digest of the content and
// the claim languages asked for: a file that has not changed is not read
// again. The server keeps one in memory across workspace audits; the CLI can
// keep one on disk (`--cache`), stamped with the build that wrote it.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ClaimLanguage } from '../engine/types.js';
import type { FileFacts } from '../engine/project.js';

interface Entry {
  digest: string;
  facts: FileFacts;
}

interface CacheFile {
  stamp: string;
  entries: Record<string, Entry>;
}

export function factsDigest(text: string, languages: readonly ClaimLanguage[] | undefined): string {
  return createHash('sha1').update(text).update(`\u0000${languages?.join(',') ?? '*'}`).digest('base64');
}

export class FactsCache {
  private entries = new Map<string, Entry>();
  private used = new Set<string>();

  get(path: string, digest: string): FileFacts | undefined {
    const entry = this.entries.get(path);
    if (entry?.digest !== digest) return undefined;
    this.used.add(path);
    return entry.facts;
  }

  set(path: string, digest: string, facts: FileFacts): void {
    this.entries.set(path, { digest, facts });
    this.used.add(path);
  }

  /** Forgets files that the last run did not see (deleted or now ignored). */
  prune(): void {
    for (const path of this.entries.keys()) if (!this.used.has(path)) this.entries.delete(path);
    this.used = new Set();
  }

  get size(): number {
    return this.entries.size;
  }

  /** A cache file written by another build (or unreadable, or not ours) starts empty. */
  static load(file: string, stamp: string): FactsCache {
    const cache = new FactsCache();
    let parsed: CacheFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      return cache;
    }
    if (parsed?.stamp !== stamp || typeof parsed.entries !== 'object' || parsed.entries === null) return cache;
    for (const [path, entry] of Object.entries(parsed.entries)) {
      if (typeof entry?.digest === 'string' && typeof entry.facts === 'object' && entry.facts !== null) cache.entries.set(path, entry);
    }
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
