import { WordVectors } from '@embedkit/core-math';
import type { Word2VecOptionsInput } from './options.js';
import {
  type BrowserCorpus,
  type BrowserTrainContext,
  type JobWorkerConstructor,
  type TrainingRuntime,
  assertWebWorkers,
  runTrainingJob,
} from './training-job.js';

/** The vectors a word2vec job in a worker sends back: keys, row-major matrix, dimension, counts. */
export interface TransferredVectors {
  readonly keys: readonly string[];
  readonly matrix: Float32Array;
  readonly dim: number;
  readonly counts: Float64Array | undefined;
}

/** What {@link trainWord2VecInBrowser} resolves to. */
export interface BrowserWord2VecResult {
  /** The trained word vectors (the input vectors, as `Word2VecModel.wordVectors`). */
  readonly vectors: WordVectors;
  /** How it trained: worker threads, kernels, shared memory. */
  readonly runtime: TrainingRuntime;
}

declare const Worker: JobWorkerConstructor;

/**
 * Trains word2vec (skip-gram or CBOW, the options of `trainWord2Vec`) in a Web Worker, so the page
 * stays responsive. In a cross-origin isolated page (served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`) the
 * worker trains with several workers sharing the weights and the WebAssembly SIMD kernels;
 * otherwise one worker trains with the TypeScript kernels. Each progress report and the result
 * say which ({@link TrainingRuntime}).
 *
 * The worker script is `word2vec-browser-worker.js` beside this module (a bundler that builds the
 * page emits it and `training-worker-browser.js`, which it starts, beside the page's module).
 *
 * @param corpus - the text (one sentence per line), a `Blob` of it, or sentences of tokens
 * @throws ConfigError for bad options; CancelledError when `context.signal` aborts
 */
export async function trainWord2VecInBrowser(
  corpus: BrowserCorpus,
  options: Word2VecOptionsInput,
  context: BrowserTrainContext = {},
): Promise<BrowserWord2VecResult> {
  assertWebWorkers('trainWord2Vec');
  const worker = new Worker(new URL('./word2vec-browser-worker.js', import.meta.url), {
    type: 'module',
    name: 'embedkit-word2vec',
  });
  const { result, runtime } = await runTrainingJob<TransferredVectors>(worker, corpus, options, context);
  const { keys, matrix, dim, counts } = result;
  return { vectors: new WordVectors(keys, matrix, dim, counts), runtime };
}
