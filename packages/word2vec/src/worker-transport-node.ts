import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type {
  TrainingParallelism,
  TrainingWorkerHandle,
  TrainingWorkerListener,
} from './worker-transport.js';

/**
 * How to start the training worker: from the built package it is `training-worker.js` (ESM) or
 * `training-worker.cjs` (CJS) beside this module in `dist/`. When this module runs from its
 * TypeScript source (the repository's tests), a small CommonJS bootstrap registers the `tsx`
 * loader (a development dependency at the repository root) and then loads `training-worker.ts`,
 * with sibling packages resolved to their sources; Node 20 does not apply `--import tsx` to a
 * worker's entry module.
 */
function workerStart(): { entry: URL | string; options: WorkerOptions } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    const worker = fileURLToPath(new URL('./training-worker.ts', here));
    return {
      entry: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(worker)});`,
      options: { eval: true, execArgv: ['--conditions=@embedkit/source'] },
    };
  }
  return {
    entry: new URL(here.endsWith('.cjs') ? './training-worker.cjs' : './training-worker.js', here),
    options: {},
  };
}

/** In Node: one worker per core, all sharing memory. */
export function trainingParallelism(): TrainingParallelism {
  return { threads: availableParallelism(), shared: true };
}

/** Starts one training worker on a `node:worker_threads` thread. */
export function startTrainingWorker(listener: TrainingWorkerListener): TrainingWorkerHandle {
  const { entry, options } = workerStart();
  const worker = new Worker(entry, options);
  worker.on('message', listener.onReply);
  worker.on('error', listener.onFailure);
  worker.on('exit', (code) =>
    listener.onFailure(new Error(`a training worker exited early with code ${code}`)),
  );
  return {
    post: (request, transfer = []) => worker.postMessage(request, transfer),
    terminate: async () => {
      await worker.terminate();
    },
  };
}
