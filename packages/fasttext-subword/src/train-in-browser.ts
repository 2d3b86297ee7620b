import type { BrowserCorpus, BrowserTrainContext, TrainingRuntime } from '@embedkit/word2vec';
import { type JobWorkerConstructor, assertWebWorkers, runTrainingJob } from '@embedkit/word2vec/engine';
import { parseFastTextBin } from './fasttext-bin-read.js';
import type { FastTextModel } from './fasttext-model.js';
import type { FastTextTrainOptionsInput } from './train-options.js';

/** What {@link trainFastTextInBrowser} resolves to. */
export interface BrowserFastTextResult {
  /** The trained model: word vectors, and vectors of unseen words from their character n-grams. */
  readonly model: FastTextModel;
  /** How it trained: worker threads, kernels, shared memory. */
  readonly runtime: TrainingRuntime;
}

declare const Worker: JobWorkerConstructor;

/**
 * Trains a fastText model (the options of `trainFastText`) in a Web Worker, so the page stays
 * responsive; as `trainWord2VecInBrowser` of `@embedkit/word2vec`: several workers sharing memory
 * with the WebAssembly SIMD kernels in a cross-origin isolated page (COOP/COEP headers), one
 * worker with the TypeScript kernels otherwise, reported in each progress report and the result.
 * The model comes back as the bytes of a fastText `.bin` (`serializeFastTextBin`), parsed here.
 *
 * The worker script is `fasttext-browser-worker.js` beside this module (a bundler that builds the
 * page emits it and word2vec's `training-worker-browser.js`, which it starts).
 *
 * @param corpus - the text (one sentence per line), a `Blob` of it, or sentences of tokens
 * @throws ConfigError for bad options; CancelledError when `context.signal` aborts
 */
export async function trainFastTextInBrowser(
  corpus: BrowserCorpus,
  options: FastTextTrainOptionsInput,
  context: BrowserTrainContext = {},
): Promise<BrowserFastTextResult> {
  assertWebWorkers('trainFastText');
  const worker = new Worker(new URL('./fasttext-browser-worker.js', import.meta.url), {
    type: 'module',
    name: 'embedkit-fasttext',
  });
  const { result, runtime } = await runTrainingJob<Uint8Array>(worker, corpus, options, context);
  return { model: await parseFastTextBin(result, { file: 'the trained model' }), runtime };
}
