/**
 * The training worker thread: receives an engine setup once, then trains the blocks of the
 * encoded corpus it is sent, updating the shared weights in place (Hogwild).
 */
import { parentPort } from 'node:worker_threads';
import { isEmbeddingError } from '@embedkit/core-math';
import { attachKernels } from '@embedkit/core-math/kernels';
import { trainChunks, trainSentences } from './engine.js';
import { TrainingState, threadRandom } from './training-state.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('training-worker must run in a worker thread');

let state: TrainingState | undefined;

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'init') {
      const { memory, setup, schedule, counters, thread, seed, scratch, sentenceKernel } = request;
      attachKernels(memory);
      const random = threadRandom(seed, thread);
      state = new TrainingState(setup, schedule, counters, thread, random, scratch, sentenceKernel);
      return;
    }
    if (state === undefined) throw new Error('train request before init');
    const { ids, sentenceStarts, first, end, passes, chunks, sentenceBuffer } = request;
    if (chunks !== null) {
      trainChunks(state, ids, sentenceStarts, chunks, passes, sentenceBuffer ?? undefined);
    } else {
      for (let pass = 0; pass < passes; pass++) {
        trainSentences(state, ids, sentenceStarts, first, end, sentenceBuffer ?? undefined);
      }
    }
    state.sync();
    reply({ type: 'done' });
  } catch (error) {
    reply({
      type: 'error',
      code: isEmbeddingError(error) ? error.code : undefined,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
