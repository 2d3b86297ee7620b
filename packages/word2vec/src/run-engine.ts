import {
  CancelledError,
  ConfigError,
  NumericError,
  type TrainingProgress,
  throwIfAborted,
} from '@embedkit/core-math';
import {
  allocateFloat32,
  allocateInt32,
  inKernelMemory,
  kernelMemory,
  releaseArray,
} from '@embedkit/core-math/kernels';
import { validateInputEncoder } from './input-encoder.js';
import { mapObjectiveMatrices, objectiveMatrices, validateObjectives } from './objectives/registry.js';
import { type SentenceTables, createSentenceTables, createSentenceWorkspace } from './sentence-kernel.js';
import { isShared, sharedBuffer } from './shared-arrays.js';
import { TrainingWorkerPool, clampThreads } from './training-worker-pool.js';
import {
  type EngineSetup,
  type LearningRateSchedule,
  type SharedCounters,
  SYNC_WORDS,
  createSharedCounters,
  learningRateAt,
  threadRandom,
} from './training-state.js';

/**
 * Sentences of token ids held in memory: sentence `s` is `ids[sentenceStarts[s]..sentenceStarts[s+1])`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface EncodedSentences {
  /** Token ids of all sentences, one after the other. */
  readonly ids: Int32Array;
  /** `sentences + 1` offsets into `ids`. */
  readonly sentenceStarts: Int32Array;
}

/**
 * The corpus of an engine run: encoded once and held in memory (the workers take chunks of it in
 * corpus order from one shared cursor, as gensim's workers take jobs), or streamed again for every epoch (the main
 * thread reads and encodes, and hands blocks of sentences to whichever worker is free).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type EngineCorpus =
  | { readonly kind: 'in-memory'; readonly sentences: EncodedSentences }
  | {
      readonly kind: 'stream';
      /** Tokens one epoch yields (for the learning-rate schedule and progress). */
      readonly tokensPerEpoch: number;
      /** One pass over the corpus as encoded sentences; called once per epoch. */
      readonly epoch: (signal: AbortSignal) => AsyncIterable<Int32Array>;
    };

/**
 * One training run of the engine over a corpus.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface EngineRun {
  /** What to train (weights in shared memory; see {@link sharedFloat32Array}). */
  readonly setup: EngineSetup;
  /** The sentences to train on. */
  readonly corpus: EngineCorpus;
  /** Passes over the corpus. */
  readonly epochs: number;
  /** Start learning rate, decayed linearly over the run. */
  readonly lr: number;
  /** Final learning rate. */
  readonly minLr: number;
  /** Worker threads (clamped to the machine with a warning through `onProgress`). */
  readonly threads: number;
  /** Seed of the workers' random streams (worker `t` uses `new Random(seed).fork(t)`). */
  readonly seed: number;
  /** Progress, at most every {@link PROGRESS_INTERVAL_MS} milliseconds and once at the end. */
  readonly onProgress?: ((progress: TrainingProgress) => void) | undefined;
  /** Aborting stops and terminates every worker; the run then rejects with `CancelledError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What a finished run did.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface EngineRunResult {
  /** Words processed (all epochs, before subsampling). */
  readonly words: number;
  /** Wall-clock seconds of the training phase. */
  readonly seconds: number;
  /** Mean loss per prediction over the whole run (NaN when nothing was trained). */
  readonly loss: number;
}

/** Milliseconds between two progress reports. */
export const PROGRESS_INTERVAL_MS = 500;

/** Tokens per block handed to a worker when the corpus is streamed. */
const STREAM_BLOCK_TOKENS = 1 << 16;

/**
 * Trains `run.setup` on `run.corpus` with worker threads that share the weights (Hogwild): the
 * threaded driver behind word2vec, reusable by any trainer that supplies its own input encoder
 * and objective setup. With `threads: 1` and a fixed seed the result is bit-identical run after
 * run.
 *
 * @throws ConfigError when the setup is inconsistent (sizes, encoder, ids out of range)
 * @throws CancelledError when `signal` aborts; every worker is terminated before it rejects
 * @throws NumericError when the weights stop being finite
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export async function runEngine(run: EngineRun): Promise<EngineRunResult> {
  const { setup, corpus, epochs, onProgress, signal } = run;
  throwIfAborted(signal, 'training');
  validateRun(run);
  const vocabularySize = validateSetup(setup);
  const tokensPerEpoch = corpus.kind === 'in-memory' ? corpus.sentences.ids.length : corpus.tokensPerEpoch;
  const totalWords = tokensPerEpoch * epochs;
  const schedule: LearningRateSchedule = { lr: run.lr, minLr: run.minLr, totalWords };
  const sentences =
    corpus.kind === 'in-memory' ? shareSentences(corpus.sentences, vocabularySize) : undefined;

  const { threads: available, warning } = clampThreads(run.threads);
  if (warning !== undefined) onProgress?.({ phase: 'training', message: warning });
  const sentenceCount =
    sentences === undefined ? Number.POSITIVE_INFINITY : sentences.sentenceStarts.length - 1;
  const threads = Math.max(1, Math.min(available, sentenceCount));
  const counters = createSharedCounters(threads);
  const started = performance.now();
  const progress = new ProgressReporter(onProgress, schedule, tokensPerEpoch, epochs, counters, started);

  let failWith: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    failWith = reject;
  });
  failure.catch(() => {});
  // Scratch vectors, the sentence kernel's tables and workspaces and the corpus blocks live in the
  // kernel memory: allocated here (never in a worker, which may be terminated at any time) and
  // released once every worker has exited.
  const scratch = allocateFloat32(threads * 2 * setup.dim);
  const kernelArrays = new KernelArrays(sentences);
  const abort = (): void => failWith(new CancelledError('training'));
  signal?.addEventListener('abort', abort, { once: true });
  const stream = new AbortController();
  const timer = setInterval(() => progress.report(), PROGRESS_INTERVAL_MS);
  let pool: TrainingWorkerPool | undefined;
  try {
    const tables = kernelArrays.useTables(createSentenceTables(setup, vocabularySize));
    pool = new TrainingWorkerPool(threads, (error) => failWith(error));
    const shared = onOneKernelBuffer(setup, scratch);
    for (let thread = 0; thread < threads; thread++) {
      pool.init(thread, {
        type: 'init',
        memory: kernelMemory(),
        setup: shared.setup,
        schedule,
        counters,
        thread,
        seed: run.seed,
        scratch: shared.scratch.subarray(2 * setup.dim * thread, 2 * setup.dim * (thread + 1)),
        sentenceKernel:
          tables === null
            ? null
            : {
                tables,
                workspace: kernelArrays.keep(createSentenceWorkspace(tables, threadRandom(run.seed, thread))),
              },
      });
    }
    progress.report();
    if (sentences !== undefined) {
      await Promise.race([trainInMemory(pool, sentences, epochs, kernelArrays), failure]);
    } else if (corpus.kind === 'stream') {
      await Promise.race([
        trainStreamed(pool, corpus, epochs, vocabularySize, stream.signal, failure, kernelArrays),
        failure,
      ]);
    }
  } finally {
    stream.abort();
    clearInterval(timer);
    signal?.removeEventListener('abort', abort);
    await pool?.close();
    releaseArray(scratch);
    kernelArrays.releaseAll();
  }
  assertFinite(setup);
  progress.report();
  return {
    words: Number(Atomics.load(counters.processed, 0)),
    seconds: (performance.now() - started) / 1000,
    loss: progress.meanLoss(),
  };
}

/**
 * The setup and scratch with every array that lives in the kernel memory re-viewed through the
 * memory's current buffer object. Arrays allocated before and after the memory grew have different
 * buffer objects over the same bytes; a worker receives one object per buffer, and the Wasm
 * kernels recognise arrays fastest when all of them share one.
 */
function onOneKernelBuffer(
  setup: EngineSetup,
  scratch: Float32Array,
): { setup: EngineSetup; scratch: Float32Array } {
  const memory = kernelMemory();
  if (memory === null) return { setup, scratch };
  const buffer = memory.buffer;
  const view = (array: Float32Array): Float32Array =>
    inKernelMemory(array) ? new Float32Array(buffer, array.byteOffset, array.length) : array;
  return {
    setup: {
      ...setup,
      inputWeights: view(setup.inputWeights),
      objectives: mapObjectiveMatrices(setup.objectives, view),
    },
    scratch: view(scratch),
  };
}

/** Checks the run's numbers (the options of the trainer that calls the engine). */
function validateRun({ epochs, lr, minLr, threads, seed }: EngineRun): void {
  if (!Number.isInteger(epochs) || epochs < 1) throw new ConfigError('epochs', epochs, 'an integer >= 1');
  if (!(lr > 0 && lr < Number.POSITIVE_INFINITY)) throw new ConfigError('lr', lr, 'a finite number > 0');
  if (!(minLr >= 0 && minLr <= lr)) throw new ConfigError('minLr', minLr, `a number from 0 to lr (${lr})`);
  if (!Number.isInteger(threads) || threads < 1) throw new ConfigError('threads', threads, 'an integer >= 1');
  if (!Number.isSafeInteger(seed)) throw new ConfigError('seed', seed, 'a safe integer');
}

/**
 * Checks the setup's sizes and tables (every index the WebAssembly sentence loop reads unchecked);
 * returns the vocabulary size (the tokens ids refer to).
 *
 * @throws ConfigError naming the field that is wrong
 */
export function validateSetup(setup: EngineSetup): number {
  const { dim, window, inputWeights, encoder, keepProbabilities, objectives } = setup;
  if (!Number.isInteger(dim) || dim < 1) throw new ConfigError('dim', dim, 'an integer >= 1');
  if (!Number.isInteger(window) || window < 1) throw new ConfigError('window', window, 'an integer >= 1');
  const vocabularySize = validateObjectives(objectives, dim);
  const arrays: Array<[string, Float32Array]> = [
    ['inputWeights', inputWeights],
    ...objectiveMatrices(objectives).map(({ kind, name, weights }): [string, Float32Array] => [
      `${kind} ${name} weights`,
      weights,
    ]),
  ];
  for (const [name, array] of arrays) {
    if (!isShared(array)) {
      throw new ConfigError(name, 'an array over an ArrayBuffer', 'a Float32Array over a SharedArrayBuffer');
    }
  }
  if (inputWeights.length % dim !== 0) {
    throw new ConfigError('inputWeights', `${inputWeights.length} floats`, `a multiple of dim (${dim})`);
  }
  const inputRows = inputWeights.length / dim;
  if (encoder === null) {
    if (inputRows < vocabularySize) {
      throw new ConfigError(
        'inputWeights',
        `${inputRows} rows`,
        `at least one row per word (${vocabularySize})`,
      );
    }
  } else {
    validateInputEncoder(encoder, vocabularySize, inputRows);
  }
  if (keepProbabilities !== null && keepProbabilities.length !== vocabularySize) {
    throw new ConfigError(
      'keepProbabilities',
      `${keepProbabilities.length} values`,
      `one per word (${vocabularySize})`,
    );
  }
  return vocabularySize;
}

/** The sentences in shared memory, after checking their ids and offsets. */
function shareSentences(sentences: EncodedSentences, vocabularySize: number): EncodedSentences {
  const { ids, sentenceStarts } = sentences;
  checkIds(ids, vocabularySize);
  const count = sentenceStarts.length - 1;
  if (count < 0 || sentenceStarts[0] !== 0 || sentenceStarts[count] !== ids.length) {
    throw new ConfigError(
      'sentenceStarts',
      `${sentenceStarts.length} offsets`,
      'offsets from 0 to ids.length',
    );
  }
  for (let s = 0; s < count; s++) {
    if (sentenceStarts[s + 1]! < sentenceStarts[s]!) {
      throw new ConfigError(`sentenceStarts[${s + 1}]`, sentenceStarts[s + 1], 'non-decreasing offsets');
    }
  }
  return { ids: kernelCopy(ids), sentenceStarts: kernelCopy(sentenceStarts) };
}

/** A copy of `array` in the kernel memory (a `SharedArrayBuffer` with the TypeScript kernels). */
function kernelCopy(array: Int32Array): Int32Array {
  const copy = allocateInt32(array.length);
  copy.set(array);
  return copy;
}

/**
 * The kernel-memory arrays of one run besides the weights and scratch vectors: the in-memory corpus,
 * the sentence kernel's tables, its per-thread workspaces, streamed blocks and the sentence buffers
 * of train requests.
 */
class KernelArrays {
  readonly #arrays = new Set<Int32Array>();
  #tables: SentenceTables | null = null;

  /** Holds the in-memory corpus, if any. */
  constructor(sentences: EncodedSentences | undefined) {
    if (sentences === undefined) return;
    this.keep(sentences.ids);
    this.keep(sentences.sentenceStarts);
  }

  /** Holds the sentence kernel's tables (`null`: the workers train with the TypeScript loop). */
  useTables(tables: SentenceTables | null): SentenceTables | null {
    this.#tables = tables;
    if (tables !== null) this.keep(tables.block);
    return tables;
  }

  /** Takes `array` into the set released at the end. */
  keep(array: Int32Array): Int32Array {
    this.#arrays.add(array);
    return array;
  }

  /**
   * A buffer for the sentence kernel, room for `longest` tokens, or `null` without the sentence
   * kernel (the TypeScript loop keeps its own).
   */
  sentenceBuffer(longest: number): Int32Array | null {
    return this.#tables === null ? null : this.keep(allocateInt32(Math.max(1, longest)));
  }

  /** Releases `array` now (a block whose training is done). */
  release(array: Int32Array | null): void {
    if (array === null || !this.#arrays.delete(array)) return;
    releaseArray(array);
  }

  /** Releases every array still held. */
  releaseAll(): void {
    for (const array of this.#arrays) releaseArray(array);
    this.#arrays.clear();
  }
}

/** The most tokens of one sentence among sentences `first..end-1`. */
function longestSentence(sentenceStarts: Int32Array, first: number, end: number): number {
  let longest = 0;
  for (let s = first; s < end; s++) longest = Math.max(longest, sentenceStarts[s + 1]! - sentenceStarts[s]!);
  return longest;
}

function checkIds(ids: Int32Array, vocabularySize: number): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0 || id >= vocabularySize) {
      throw new ConfigError(`ids[${i}]`, id, `a token id from 0 to ${vocabularySize - 1}`);
    }
  }
}

/** Tokens per chunk of an in-memory corpus: gensim's job size (`MAX_WORDS_IN_BATCH`), a sync interval. */
const CHUNK_TOKENS = SYNC_WORDS;

/**
 * Chunk boundaries (sentence indices) of an in-memory corpus: whole sentences, each chunk closed
 * once it holds at least {@link CHUNK_TOKENS} tokens.
 */
export function chunkStarts(sentenceStarts: Int32Array): Int32Array {
  const count = sentenceStarts.length - 1;
  const starts = [0];
  for (let s = 0; s < count; s++) {
    if (sentenceStarts[s + 1]! - sentenceStarts[starts[starts.length - 1]!]! >= CHUNK_TOKENS) {
      starts.push(s + 1);
    }
  }
  if (starts[starts.length - 1] !== count) starts.push(count);
  return Int32Array.from(starts);
}

/**
 * Trains an in-memory corpus for all epochs: the workers take chunks of about
 * {@link CHUNK_TOKENS} tokens from one shared cursor in corpus order, epoch after epoch (gensim's
 * job queue, without a round trip through the main thread). The threads train neighbouring text at
 * the same learning rate, and a thread slowed down by other work takes fewer chunks instead of
 * keeping the others waiting at the end. With one thread the order is the corpus order.
 */
async function trainInMemory(
  pool: TrainingWorkerPool,
  sentences: EncodedSentences,
  epochs: number,
  kernelArrays: KernelArrays,
): Promise<void> {
  const { ids, sentenceStarts } = sentences;
  const count = sentenceStarts.length - 1;
  const chunks = {
    starts: chunkStarts(sentenceStarts),
    cursor: new BigInt64Array(sharedBuffer(BigInt64Array.BYTES_PER_ELEMENT)),
  };
  const longest = longestSentence(sentenceStarts, 0, count);
  const work: Promise<void>[] = [];
  for (let thread = 0; thread < pool.size; thread++) {
    const request = {
      type: 'train',
      ids,
      sentenceStarts,
      first: 0,
      end: count,
      passes: epochs,
      chunks,
      sentenceBuffer: kernelArrays.sentenceBuffer(longest),
    } as const;
    work.push(pool.train(thread, request));
  }
  await Promise.all(work);
}

/** Reads the corpus once per epoch and hands blocks of about {@link STREAM_BLOCK_TOKENS} to free workers. */
async function trainStreamed(
  pool: TrainingWorkerPool,
  corpus: Extract<EngineCorpus, { kind: 'stream' }>,
  epochs: number,
  vocabularySize: number,
  signal: AbortSignal,
  failure: Promise<never>,
  kernelArrays: KernelArrays,
): Promise<void> {
  const pending = new Set<Promise<void>>();
  const block = new BlockBuilder();
  const send = async (): Promise<void> => {
    const { ids, sentenceStarts, longest } = block.take();
    kernelArrays.keep(ids);
    kernelArrays.keep(sentenceStarts);
    const sentenceBuffer = kernelArrays.sentenceBuffer(longest);
    const thread = await Promise.race([pool.idleWorker(), failure]);
    const request = {
      type: 'train',
      ids,
      sentenceStarts,
      first: 0,
      end: sentenceStarts.length - 1,
      passes: 1,
      chunks: null,
      sentenceBuffer,
    } as const;
    const done = pool.train(thread, request);
    pending.add(done);
    done.then(() => {
      pending.delete(done);
      for (const array of [ids, sentenceStarts, sentenceBuffer]) kernelArrays.release(array);
    });
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for await (const sentence of corpus.epoch(signal)) {
      checkIds(sentence, vocabularySize);
      block.add(sentence);
      if (block.tokens >= STREAM_BLOCK_TOKENS) await send();
    }
    if (block.sentences > 0) await send();
  }
  await Promise.all(pending);
}

/** Collects encoded sentences into one block (growing its arrays as needed). */
class BlockBuilder {
  #ids: Int32Array = new Int32Array(STREAM_BLOCK_TOKENS);
  #starts: Int32Array = new Int32Array(1024);
  tokens = 0;
  sentences = 0;
  #longest = 0;

  add(sentence: Int32Array): void {
    this.#longest = Math.max(this.#longest, sentence.length);
    if (this.tokens + sentence.length > this.#ids.length) {
      this.#ids = grow(this.#ids, this.tokens + sentence.length);
    }
    if (this.sentences + 2 > this.#starts.length) this.#starts = grow(this.#starts, this.sentences + 2);
    this.#ids.set(sentence, this.tokens);
    this.tokens += sentence.length;
    this.sentences++;
    this.#starts[this.sentences] = this.tokens;
  }

  /**
   * The block so far, copied into the kernel memory (shared with the workers, no transfer), and
   * its longest sentence; the builder starts a new one.
   */
  take(): EncodedSentences & { readonly longest: number } {
    const block = {
      ids: kernelCopy(this.#ids.subarray(0, this.tokens)),
      sentenceStarts: kernelCopy(this.#starts.subarray(0, this.sentences + 1)),
      longest: this.#longest,
    };
    this.tokens = 0;
    this.sentences = 0;
    this.#longest = 0;
    return block;
  }
}

function grow(array: Int32Array, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(needed, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** Throws NumericError when any weight of the setup is NaN or infinite. */
function assertFinite(setup: EngineSetup): void {
  const matrices: Array<[string, Float32Array]> = [
    ['input', setup.inputWeights],
    ...objectiveMatrices(setup.objectives).map(({ kind, name, weights }): [string, Float32Array] => [
      `${kind} ${name}`,
      weights,
    ]),
  ];
  for (const [name, matrix] of matrices) {
    for (let i = 0; i < matrix.length; i++) {
      if (!Number.isFinite(matrix[i]!)) {
        throw new NumericError(
          `training diverged: the ${name} weights hold ${matrix[i]} at index ${i}; use a smaller lr`,
        );
      }
    }
  }
}

/** Turns the shared counters into progress reports. */
class ProgressReporter {
  readonly #onProgress: ((progress: TrainingProgress) => void) | undefined;
  readonly #schedule: LearningRateSchedule;
  readonly #tokensPerEpoch: number;
  readonly #epochs: number;
  readonly #counters: SharedCounters;
  readonly #started: number;
  #lossSeen = 0;
  #predictionsSeen = 0;

  constructor(
    onProgress: ((progress: TrainingProgress) => void) | undefined,
    schedule: LearningRateSchedule,
    tokensPerEpoch: number,
    epochs: number,
    counters: SharedCounters,
    started: number,
  ) {
    this.#onProgress = onProgress;
    this.#schedule = schedule;
    this.#tokensPerEpoch = tokensPerEpoch;
    this.#epochs = epochs;
    this.#counters = counters;
    this.#started = started;
  }

  /** Loss summed over all threads and the predictions it covers. */
  #lossTotals(): [number, number] {
    const loss = this.#counters.loss;
    let sum = 0;
    let predictions = 0;
    for (let i = 0; i < loss.length; i += 2) {
      sum += loss[i]!;
      predictions += loss[i + 1]!;
    }
    return [sum, predictions];
  }

  /** Mean loss per prediction over the whole run. */
  meanLoss(): number {
    const [sum, predictions] = this.#lossTotals();
    return predictions > 0 ? sum / predictions : Number.NaN;
  }

  report(): void {
    const onProgress = this.#onProgress;
    if (onProgress === undefined) return;
    const { lr, minLr, totalWords } = this.#schedule;
    const processed = Number(Atomics.load(this.#counters.processed, 0));
    const fraction = totalWords > 0 ? Math.min(1, processed / totalWords) : 1;
    const seconds = (performance.now() - this.#started) / 1000;
    const [sum, predictions] = this.#lossTotals();
    const newPredictions = predictions - this.#predictionsSeen;
    const loss = newPredictions > 0 ? (sum - this.#lossSeen) / newPredictions : undefined;
    this.#lossSeen = sum;
    this.#predictionsSeen = predictions;
    onProgress({
      phase: 'training',
      epoch: Math.min(this.#epochs - 1, Math.floor(processed / Math.max(1, this.#tokensPerEpoch))),
      epochs: this.#epochs,
      processed,
      total: totalWords,
      unit: 'words',
      fraction,
      learningRate: learningRateAt(lr, minLr, fraction),
      perSecond: seconds > 0 ? processed / seconds : 0,
      ...(loss === undefined ? {} : { loss }),
      predictions,
    });
  }
}
