// The facts of every file of an audit: from the cache when the file has not
// changed, else read on worker threads (when there is enough Markdown to be
// worth starting them) or on this thread.
import type { ClaimLanguage, SourceFile } from '../engine/types.js';
import { readFileFactsSafely, type FileFacts } from '../engine/project.js';
import { factsDigest, type FactsCache } from './factsCache.js';
import { Cancelled, defaultWorkerCount, readOnWorkers, workerScript, type FactsRequest, type PoolRun } from './factsPool.js';

/** Below this much text to read, starting worker threads costs more than it saves. */
export const workerThreshold = 2 * 1024 * 1024;

export interface ReadFactsOptions extends PoolRun {
  cache?: FactsCache;
  /** The cache's key for a file (default: its path): absolute paths when one cache serves several roots. */
  cacheKey?: (path: string) => string;
  /**
   * Worker threads to use; 0 or 1 reads on this thread. When not given: one
   * per core (at most 4), once there is enough to read to be worth it.
   */
  jobs?: number;
  /** With `jobs` not given: at most this many worker threads. */
  maxJobs?: number;
}

export async function readAllFacts(files: SourceFile[], languagesOf: (path: string) => readonly ClaimLanguage[] | undefined, options: ReadFactsOptions = {}): Promise<Map<string, FileFacts>> {
  const keyOf = options.cacheKey ?? ((path: string) => path);
  const facts = new Map<string, FileFacts>();
  const pending: FactsRequest[] = [];
  const digests = new Map<string, string>();
  let pendingCharacters = 0;
  for (const file of files) {
    const languages = languagesOf(file.path);
    if (options.cache) {
      const digest = factsDigest(file.text, languages);
      const cached = options.cache.get(keyOf(file.path), digest);
      if (cached) {
        facts.set(file.path, cached);
        continue;
      }
      digests.set(file.path, digest);
    }
    pending.push({ path: file.path, text: file.text, languages });
    pendingCharacters += file.text.length;
  }
  const alreadyDone = facts.size;
  const total = files.length;
  const jobs = options.jobs ?? Math.min(defaultWorkerCount(), options.maxJobs ?? Number.POSITIVE_INFINITY);
  const script = workerScript();
  const worthIt = options.jobs === undefined ? pendingCharacters >= workerThreshold : pending.length > 1;
  if (script && jobs > 1 && worthIt) {
    const read = await readOnWorkers(script, pending, jobs, {
      onProgress: (done) => options.onProgress?.(alreadyDone + done, total),
      isCancelled: options.isCancelled,
    });
    for (const [path, fileFacts] of read) facts.set(path, fileFacts);
  } else {
    for (const [index, request] of pending.entries()) {
      facts.set(request.path, readFileFactsSafely({ path: request.path, text: request.text }, request.languages));
      if (index % 16 === 15) {
        options.onProgress?.(alreadyDone + index + 1, total);
        // let a cancellation (or anything else waiting) be heard
        await new Promise((resolve) => setImmediate(resolve));
        if (options.isCancelled?.()) throw new Cancelled();
      }
    }
    options.onProgress?.(total, total);
  }
  if (options.cache) {
    for (const request of pending) options.cache.set(keyOf(request.path), digests.get(request.path)!, facts.get(request.path)!);
  }
  return facts;
}
