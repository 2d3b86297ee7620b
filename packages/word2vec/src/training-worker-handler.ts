import { isEmbeddingError } from '@embedkit/core-math';
import { attachKernels } from '@embedkit/core-math/kernels';
import { trainChunks, trainSentences } from './engine.js';
import { TrainingState, threadRandom } from './training-state.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * The training worker's side of the protocol, whatever carries the messages: receives an engine
 * setup once, then trains the blocks of the encoded corpus it is sent, updating the shared weights
 * in place (Hogwild), and answers each `train` request with `done` or `error` through `reply`.
 */
export function createTrainingRequestHandler(
  reply: (message: WorkerReply) => void,
): (request: WorkerRequest) => void {
  let state: TrainingState | undefined;
  return (request) => {
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
      state.publish();
      reply({ type: 'done' });
    } catch (error) {
      reply({
        type: 'error',
        code: isEmbeddingError(error) ? error.code : undefined,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
