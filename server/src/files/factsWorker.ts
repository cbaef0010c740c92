// A worker thread that reads files and their facts (server/out/factsWorker.js):
// it receives batches of paths and answers with their facts (and the texts
// judging needs), in order.
import { parentPort } from 'node:worker_threads';
import { answerRequest, type FactsAnswer, type FactsRequest } from './factsPool.js';

parentPort?.on('message', (batch: FactsRequest[]) => {
  const answers: FactsAnswer[] = batch.map(answerRequest);
  parentPort?.postMessage(answers);
});
