// Worker threads that read files and their facts in parallel (parsing
// Markdown is most of an audit's time). The workers read the files from disk
// themselves: the main thread sends paths and gets back facts, and a file's
// text only when judging needs it (engine/project.ts factsNeedText). Files go
// out in batches, a couple per worker in flight; the answers come back as
// they are ready. The pool is made per audit and closed after it, so idle
// workers hold no memory.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClaimLanguage } from '../engine/types.js';
import { factsNeedText, readFileFactsSafely, type FileFacts } from '../engine/project.js';
import { readTextFile } from './walk.js';
import { Cancelled } from './cancelled.js';

export interface FactsRequest {
  /** The path the engine knows the file by (relative to the audited root). */
  path: string;
  /** Where to read it. */
  absolute: string;
  /** Its size when listed (to size batches). */
  size: number;
  /** The text as an editor holds it (not read from disk). */
  text?: string;
  languages?: readonly ClaimLanguage[];
  /** The cache holds facts of this file as it was then: when it still is, only its text is sent back. */
  known?: { mtimeMs: number; size: number };
  /** Measure the facts (their JSON length), for a cache that bounds its size. */
  weigh?: boolean;
  /** Only check that the file can be read (a regular text file): no facts, no text. */
  probe?: boolean;
  /** Facts only, never the text (it is read again when judging needs it). */
  noText?: boolean;
}

export type FactsAnswer =
  | {
      path: string;
      /** Absent when the file is as `known` said (the cache's facts hold), or only probed. */
      facts?: FileFacts;
      /** Only when judging needs it. */
      text?: string;
      /** Judging needs the text (factsNeedText). */
      needText?: boolean;
      mtimeMs: number;
      size: number;
      weight?: number;
    }
  /** Not read: too large, unreadable, not a regular file, binary. */
  | { path: string; skip: string };

/** Reads one file and its facts (on a worker thread, or on this one). */
export function answerRequest(request: FactsRequest): FactsAnswer {
  let text = request.text;
  let mtimeMs = 0;
  let size = 0;
  if (text === undefined) {
    const read = readTextFile(request.absolute);
    if ('reason' in read) return { path: request.path, skip: read.reason };
    ({ text, mtimeMs, size } = read);
    if (request.probe) return { path: request.path, mtimeMs, size };
    if (request.known && request.known.mtimeMs === mtimeMs && request.known.size === size) return { path: request.path, ...(request.noText ? {} : { text }), mtimeMs, size };
  }
  const facts = readFileFactsSafely({ path: request.path, text }, request.languages);
  const needText = factsNeedText(facts);
  return { path: request.path, facts, mtimeMs, size, needText, ...(needText && !request.noText ? { text } : {}), ...(request.weigh ? { weight: JSON.stringify(facts).length } : {}) };
}

export { Cancelled };

/** Where the bundled worker script is (next to the bundled CLI and server); absent when running from sources. */
export function workerScript(): string | undefined {
  const path = join(__dirname, 'factsWorker.js');
  return existsSync(path) ? path : undefined;
}

/**
 * Worker threads an audit uses unless told: none on two cores or fewer (the
 * files are read and judged on the calling thread), else one per core, at
 * most 4. Once parsing is cheap, workers bought no wall time on two cores
 * and cost 90–110 MB of resident memory (a V8 heap each, and answers copied
 * between threads).
 */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return cores <= 2 ? 0 : Math.min(cores, 4);
}

const batchFiles = 64;
// small enough that a batch takes a fraction of a second, so the pool answers a cancellation quickly
const batchBytes = 128 * 1024;

function batches(requests: FactsRequest[]): FactsRequest[][] {
  const result: FactsRequest[][] = [];
  let current: FactsRequest[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = request.text?.length ?? request.size;
    if (current.length > 0 && (current.length >= batchFiles || bytes + size > batchBytes)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(request);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export interface PoolRun {
  /** Asked after each batch and every 50 ms: true stops the run (it rejects with Cancelled, and the workers are stopped). */
  isCancelled?: () => boolean;
}

/** Worker threads kept for the runs of one audit (their memory counts in the process's). */
export class FactsPool {
  private readonly workers: Worker[];

  /**
   * `youngGenerationMb` bounds each worker's young generation (V8's default
   * is up to 48 MB): garbage is collected sooner, at some cost in time (the
   * server sets it; the CLI favours speed).
   */
  constructor(script: string, count: number, youngGenerationMb?: number) {
    this.workers = Array.from({ length: count }, () => new Worker(script, youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } } : {}));
  }

  /** Reads `requests`, handing each batch's answers to `onAnswers` as it comes back, in no particular order. */
  async run(requests: FactsRequest[], onAnswers: (answers: FactsAnswer[]) => void, run: PoolRun = {}): Promise<void> {
    const queue = batches(requests);
    if (queue.length === 0) return;
    let poll: NodeJS.Timeout | undefined;
    const detach: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let outstanding = 0;
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          reject(error);
        };
        // a cancellation need not wait for a batch to come back
        if (run.isCancelled) {
          poll = setInterval(() => {
            if (run.isCancelled?.()) fail(new Cancelled());
          }, 50);
        }
        const feed = (worker: Worker) => {
          const batch = queue.shift();
          if (!batch) return;
          outstanding++;
          worker.postMessage(batch);
        };
        for (const worker of this.workers) {
          const onMessage = (answers: FactsAnswer[]) => {
            if (failed) return;
            outstanding--;
            try {
              onAnswers(answers);
            } catch (error) {
              return fail(error as Error);
            }
            if (run.isCancelled?.()) return fail(new Cancelled());
            feed(worker);
            if (outstanding === 0 && queue.length === 0) resolve();
          };
          const onExit = (code: number) => fail(new Error(`a facts worker stopped (exit code ${code})`));
          worker.on('message', onMessage);
          worker.on('error', fail);
          worker.on('exit', onExit);
          detach.push(() => worker.off('message', onMessage).off('error', fail).off('exit', onExit));
          // two batches in flight per worker: it never waits for the next one
          feed(worker);
          feed(worker);
        }
      });
    } finally {
      clearInterval(poll);
      for (const off of detach) off();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
