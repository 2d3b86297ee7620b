/**
 * The training worker thread in Node (`node:worker_threads`): the protocol handler of
 * `training-worker-handler.ts` on the thread's parent port.
 */
import { parentPort } from 'node:worker_threads';
import { createTrainingRequestHandler } from './training-worker-handler.js';

const port = parentPort;
if (port === null) throw new Error('training-worker must run in a worker thread');
const handle = createTrainingRequestHandler((reply) => port.postMessage(reply));
port.on('message', handle);
