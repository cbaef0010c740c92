// A worker thread that reads files' facts (server/out/factsWorker.js): it
// receives batches of files and answers with their facts, in order.
import { parentPort } from 'node:worker_threads';
import { readFileFactsSafely } from '../engine/project.js';
import type { FactsRequest, FactsResponse } from './factsPool.js';

parentPort?.on('message', (batch: FactsRequest[]) => {
  const answers: FactsResponse[] = batch.map((request) => ({ path: request.path, facts: readFileFactsSafely({ path: request.path, text: request.text }, request.languages) }));
  parentPort?.postMessage(answers);
});
