/**
 * Worker thread of supervised training: attaches the kernels to the main thread's memory, trains
 * one {@link LineTrainingJob} on the shared matrices (Hogwild, as fastText's threads), and posts
 * progress and then `done` (or the error).
 */
import { parentPort } from 'node:worker_threads';
import { isEmbeddingError } from '@embedkit/core-math';
import { attachKernels, type KernelMemory } from '@embedkit/core-math/kernels';
import { type LineTrainingJob, trainLineRange } from './train-lines.js';

const port = parentPort;
if (port === null) throw new Error('supervised-worker must run in a worker thread');

port.once('message', async ({ memory, job }: { memory: KernelMemory | null; job: LineTrainingJob }) => {
  try {
    attachKernels(memory);
    await trainLineRange(job, (progress) => port.postMessage({ type: 'progress', progress }));
    port.postMessage({ type: 'done' });
  } catch (error) {
    port.postMessage({
      type: 'error',
      code: isEmbeddingError(error) ? error.code : undefined,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
