// A worker thread that reads files and their facts (server/out/factsWorker.js):
// it receives batches of paths and answers with their facts (and the texts
// judging needs), in order.
import { parentPort } from 'node:worker_threads';
import { answerRequest, type FactsAnswer, type FactsRequest } from './factsPool.js';
import { collectOnGrowth } from './collector.js';
import { readSpdxTextsByOffset } from '../spdxTextFile.js';

// identification reads the few SPDX texts it compares with, not all 5 MB
readSpdxTextsByOffset();

// (with --expose-gc: a worker's garbage is collected every 16 MB)
const collect = collectOnGrowth(16 * 1024 * 1024);

parentPort?.on('message', (batch: FactsRequest[]) => {
  const answers: FactsAnswer[] = batch.map(answerRequest);
  parentPort?.postMessage(answers);
  collect();
});
