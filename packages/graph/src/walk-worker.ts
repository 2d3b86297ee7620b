/** Worker thread: runs one range of walks (see walk-workers.ts) and posts `done`. */
import { parentPort, workerData } from 'node:worker_threads';
import { runWalks } from './walk-kernel.js';
import type { WalkRequest } from './walk-workers.js';

const { tables, settings, seed, startNodes, first, end, out, lengths } = workerData as WalkRequest;
runWalks(tables, settings, seed, startNodes, first, end, out, lengths);
parentPort?.postMessage('done');
