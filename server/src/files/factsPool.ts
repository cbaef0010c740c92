// Worker threads that read files' facts in parallel (parsing Markdown is most
// of an audit's time). Files go out in batches, a couple per worker in flight;
// the answers come back as they are ready. The pool is made per audit and
// closed after it, so idle workers hold no memory.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClaimLanguage } from '../engine/types.js';
import type { FileFacts } from '../engine/project.js';

export interface FactsRequest {
  path: string;
  text: string;
  languages?: readonly ClaimLanguage[];
}

export interface FactsResponse {
  path: string;
  facts: FileFacts;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Where the bundled worker script is (next to the bundled CLI and server); absent when running from sources. */
export function workerScript(): string | undefined {
  const path = join(__dirname, 'factsWorker.js');
  return existsSync(path) ? path : undefined;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

const batchFiles = 64;
// small enough that a batch takes a fraction of a second, so the pool answers a cancellation quickly
const batchCharacters = 128 * 1024;

function batches(requests: FactsRequest[]): FactsRequest[][] {
  const result: FactsRequest[][] = [];
  let current: FactsRequest[] = [];
  let characters = 0;
  for (const request of requests) {
    if (current.length > 0 && (current.length >= batchFiles || characters + request.text.length > batchCharacters)) {
      result.push(current);
      current = [];
      characters = 0;
    }
    current.push(request);
    characters += request.text.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export interface PoolRun {
  /** Called after each batch with the number of files done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked after each batch and every 50 ms: true stops the run (it rejects with Cancelled, and the workers are stopped). */
  isCancelled?: () => boolean;
}

/** Reads the facts of `requests` on `count` worker threads. */
export async function readOnWorkers(script: string, requests: FactsRequest[], count: number, run: PoolRun = {}): Promise<Map<string, FileFacts>> {
  const queue = batches(requests);
  const results = new Map<string, FileFacts>();
  const workers = Array.from({ length: Math.min(count, queue.length) }, () => new Worker(script));
  let done = 0;
  let poll: NodeJS.Timeout | undefined;
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
      for (const worker of workers) {
        worker.on('message', (answers: FactsResponse[]) => {
          outstanding--;
          for (const answer of answers) results.set(answer.path, answer.facts);
          done += answers.length;
          run.onProgress?.(done, requests.length);
          if (run.isCancelled?.()) return fail(new Cancelled());
          feed(worker);
          if (outstanding === 0 && queue.length === 0) resolve();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a facts worker stopped (exit code ${code})`));
        });
        // two batches in flight per worker: it never waits for the next one
        feed(worker);
        feed(worker);
      }
      if (workers.length === 0) resolve();
    });
  } finally {
    clearInterval(poll);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
