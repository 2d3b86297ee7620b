/**
 * Entry point of a GloVe training worker thread (Hogwild, as `glove -threads`): it attaches to the
 * main thread's kernel memory and, on each epoch request, claims blocks of the shared entries from
 * the shared counter and trains on them with its own `GloveKernel` until all are claimed, then
 * reports the cost of its blocks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { attachKernels } from '@embedkit/core-math/kernels';
import { GLOVE_ENTRY_SLOTS, GloveKernel } from './glove-kernel.js';
import type { EpochRequest, EpochResult, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
attachKernels(setup.memory);
const kernel = new GloveKernel(setup);
const total = setup.entries.length / GLOVE_ENTRY_SLOTS;

parentPort?.on('message', ({ epoch }: EpochRequest) => {
  let cost = 0;
  for (let start = Atomics.add(setup.claimed, 0, setup.claim); start < total; ) {
    cost += kernel.train(start, Math.min(total, start + setup.claim));
    start = Atomics.add(setup.claimed, 0, setup.claim);
  }
  const result: EpochResult = { epoch, cost };
  parentPort?.postMessage(result);
});
