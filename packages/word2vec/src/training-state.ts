import { ConfigError, NumericError, Random } from '@embedkit/core-math';
import { SigmoidTable, type VectorKernels, kernels } from '@embedkit/core-math/kernels';
import type { InputEncoder } from './input-encoder.js';
import { SHARED_NEGATIVES_BLOCK, sharesNegatives } from './objectives/negative-sampling.js';
import type { Objective } from './objectives/objective.js';
import { type ObjectiveSetup, createObjective } from './objectives/registry.js';
import { SentenceKernel, type SentenceTables } from './sentence-kernel.js';
import { sharedBuffer } from './shared-arrays.js';

/**
 * How the engine turns sentences into training pairs.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type Architecture = 'skipgram' | 'cbow';

/**
 * Everything the engine trains, as data that can be posted to worker threads: the weight arrays
 * (in `SharedArrayBuffer`s, so all threads update the same matrices, Hogwild style) and the tables
 * that drive training. Built once per training run by the trainer (word2vec, fastText).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface EngineSetup {
  /** Skip-gram (the input predicts each context word) or CBOW (the context predicts the word). */
  readonly architecture: Architecture;
  /** Vector dimension. */
  readonly dim: number;
  /** Largest context window (words on each side); each word draws its own from 1..window. */
  readonly window: number;
  /** CBOW: average the context's input rows (true) or sum them (false). */
  readonly cbowMean: boolean;
  /** The input matrix, `inputRows x dim`, row-major. */
  readonly inputWeights: Float32Array;
  /** Token -> input rows, or `null` when token `t` is input row `t`. */
  readonly encoder: InputEncoder | null;
  /** The objectives (each with its output weights), applied in order to every prediction. */
  readonly objectives: ObjectiveSetup;
  /** Per token id, the probability to keep an occurrence (subsampling), or `null` to keep all. */
  readonly keepProbabilities: Float32Array | null;
  /** The logistic table: word2vec uses `{ size: 1000, maxExp: 6 }`, fastText `{ size: 512, maxExp: 8 }`. */
  readonly sigmoid: { readonly size: number; readonly maxExp: number };
}

/**
 * The learning-rate schedule of one training run: linear from `lr` to `minLr` over `totalWords`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface LearningRateSchedule {
  /** Learning rate at the start. */
  readonly lr: number;
  /** Learning rate at the end (and the floor). */
  readonly minLr: number;
  /** Words (corpus tokens in the vocabulary, before subsampling) the whole run processes. */
  readonly totalWords: number;
}

/**
 * Counters every thread of a run shares (in `SharedArrayBuffer`s): the words processed so far,
 * which drives the learning rate as word2vec's `word_count_actual` does, and per thread the loss
 * summed so far and the number of predictions it covers.
 */
export interface SharedCounters {
  /** `[wordsProcessed]`, updated with `Atomics.add`. */
  readonly processed: BigInt64Array;
  /** `[lossSum, predictions]` per thread: entries `2·thread` and `2·thread + 1`. */
  readonly loss: Float64Array;
}

/** Creates {@link SharedCounters} for `threads` threads, in shared memory. */
export function createSharedCounters(threads: number): SharedCounters {
  return {
    processed: new BigInt64Array(sharedBuffer(8)),
    loss: new Float64Array(sharedBuffer(16 * threads)),
  };
}

/**
 * What a thread needs to train with the WebAssembly sentence loop: the tables of the run's setup
 * and the thread's workspace (its random stream and scratch vectors), both in the kernel memory.
 * Made by the main thread with `createSentenceTables` and `createSentenceWorkspace`.
 */
export interface SentenceKernelParts {
  /** The setup's tables in the kernel memory. */
  readonly tables: SentenceTables;
  /** This thread's workspace. */
  readonly workspace: Int32Array;
}

/**
 * The scratch floats a thread's {@link TrainingState} needs for `setup`: the hidden vector and its
 * update (`2 · dim`), plus a block of input rows' updates with negatives shared over windows.
 */
export function scratchFloats(setup: EngineSetup): number {
  return (2 + (sharesNegatives(setup.objectives) ? SHARED_NEGATIVES_BLOCK : 0)) * setup.dim;
}

/** Words a thread processes between two updates of the shared counters and its learning rate. */
export const SYNC_WORDS = 10_000;

/**
 * One thread's training state: its scratch buffers (allocated once, never per word), its random
 * stream, its objective and its current learning rate. The engine functions take it as their first
 * argument.
 */
export class TrainingState {
  /** The setup this thread trains. */
  readonly setup: EngineSetup;
  /** The objectives, built for this thread. */
  readonly objective: Objective;
  /** Scratch: the one target of a word2vec prediction, as the objective takes it. */
  readonly target = new Int32Array(1);
  /**
   * This thread's random stream (subsampling, window sizes, negative draws) for the TypeScript
   * loop; the sentence kernel keeps its own copy of the stream in its workspace.
   */
  readonly random: Random;
  /** The WebAssembly sentence loop for this thread, or `null` to train with the TypeScript loop. */
  readonly sentenceKernel: SentenceKernel | null;
  /** The kernels in use in this thread. */
  readonly math: VectorKernels;
  /** Scratch: the hidden vector (`dim` floats). */
  readonly hidden: Float32Array;
  /** Scratch: the hidden vector's accumulated update (`dim` floats). */
  readonly gradient: Float32Array;
  /**
   * Scratch with negatives shared over windows: the updates of a block of input rows
   * (`SHARED_NEGATIVES_BLOCK · dim` floats of the caller's scratch); `null` otherwise.
   */
  readonly inputUpdates: Float32Array | null;
  /**
   * Scratch with negatives shared over windows: the input row offsets of one window's context
   * words (`2 · window` entries); `null` when every prediction draws its own negatives.
   */
  readonly contextRows: Int32Array | null;
  /** Scratch: the current sentence after subsampling (grows to the longest sentence). */
  sentence: Int32Array;
  /** The current learning rate. */
  lr: number;
  /** Words processed by this thread since the last {@link TrainingState.sync}. */
  wordsSinceSync = 0;
  /** Loss summed since the last sync. */
  lossSinceSync = 0;
  /** Predictions (calls of the objective) since the last sync. */
  predictionsSinceSync = 0;
  /**
   * Tokens of the run before this thread's words since the last sync, once chunks are placed by
   * {@link TrainingState.startChunk}; `null` until then.
   */
  #position: number | null = null;
  /** Words of {@link TrainingState.wordsSinceSync} already published ({@link TrainingState.publish}). */
  #published = 0;
  readonly #schedule: LearningRateSchedule;
  readonly #counters: SharedCounters;
  readonly #thread: number;

  /**
   * @param setup - what to train
   * @param schedule - the run's learning-rate schedule
   * @param counters - the run's shared counters
   * @param thread - this thread's index (its loss slot in `counters`)
   * @param random - this thread's random stream
   * @param scratch - {@link scratchFloats} floats for the hidden vector and its update (and, with
   *   shared negatives, a block of input rows' updates); from core-math's
   *   `allocateFloat32` so the WebAssembly kernels run on them at full speed (the caller allocates
   *   and releases it, so a worker can be terminated without leaking kernel memory)
   * @param sentenceKernel - tables and workspace for the WebAssembly sentence loop (made for the
   *   same setup, with `random`'s state in the workspace), or `null` for the TypeScript loop
   */
  constructor(
    setup: EngineSetup,
    schedule: LearningRateSchedule,
    counters: SharedCounters,
    thread: number,
    random: Random,
    scratch: Float32Array,
    sentenceKernel: SentenceKernelParts | null = null,
  ) {
    const scratchNeeded = scratchFloats(setup);
    if (scratch.length < scratchNeeded) {
      throw new ConfigError(
        'scratch',
        `${scratch.length} floats`,
        `at least ${scratchNeeded} (scratchFloats of the setup)`,
      );
    }
    this.setup = setup;
    this.random = random;
    this.math = kernels();
    const sigmoid = new SigmoidTable(setup.sigmoid.size, setup.sigmoid.maxExp);
    this.objective = createObjective(setup.objectives, setup.dim, { math: this.math, sigmoid, random });
    this.hidden = scratch.subarray(0, setup.dim);
    this.gradient = scratch.subarray(setup.dim, 2 * setup.dim);
    this.sentence = new Int32Array(1024);
    const shared = sharesNegatives(setup.objectives);
    this.contextRows = shared ? new Int32Array(2 * setup.window) : null;
    this.inputUpdates = shared ? scratch.subarray(2 * setup.dim, scratchNeeded) : null;
    this.sentenceKernel =
      sentenceKernel === null ? null : new SentenceKernel(sentenceKernel.tables, sentenceKernel.workspace);
    this.#schedule = schedule;
    this.#counters = counters;
    this.#thread = thread;
    this.lr = this.#rateAt(Number(Atomics.load(counters.processed, 0)));
  }

  /** Grows {@link TrainingState.sentence} to hold `length` ids (once per longer sentence). */
  reserveSentence(length: number): Int32Array {
    if (this.sentence.length < length)
      this.sentence = new Int32Array(Math.max(length, 2 * this.sentence.length));
    return this.sentence;
  }

  /**
   * Tells the state that the chunk it trains next starts `tokensBefore` tokens into the run. From
   * then on its learning rate follows its own position in the run, as a gensim job's rate follows
   * the job's place in the queue: a chunk that does not continue this thread's last one starts at
   * the rate of its first token, and each sync inside a chunk takes the rate of the position
   * reached. Taking the rate from the words all threads have processed instead let every thread
   * train its first chunks at the starting rate, which matters on a small corpus (on the karate
   * club's walks, 2 threads trained 20,000 of 27,200 words at the full rate). With one thread the
   * position is the words processed, so nothing changes.
   */
  startChunk(tokensBefore: number): void {
    const contiguous = this.#position !== null && this.#position + this.wordsSinceSync === tokensBefore;
    this.#position = tokensBefore - this.wordsSinceSync;
    if (!contiguous) this.lr = this.#rateAt(tokensBefore);
  }

  /**
   * Publishes this thread's words and loss to the shared counters and sets the learning rate from
   * the words all threads have processed, or, once chunks are placed
   * ({@link TrainingState.startChunk}), from this thread's position in the run.
   *
   * @throws NumericError when the loss since the last sync is not finite (the weights diverged)
   */
  sync(): void {
    const processed = this.publish();
    const position = this.#position === null ? null : this.#position + this.wordsSinceSync;
    this.#position = position;
    this.wordsSinceSync = 0;
    this.#published = 0;
    this.lr = this.#rateAt(position ?? processed);
  }

  /**
   * Publishes this thread's words and loss since the last publication to the shared counters,
   * without taking a new learning rate: the end of a train request (a block of a streamed corpus)
   * then leaves the schedule as it was, and the next {@link TrainingState.sync} comes after as many
   * words as without the block's end (so one thread trains a streamed corpus exactly as the same
   * corpus in memory).
   *
   * @returns the words all threads have published
   * @throws NumericError when the loss since the last publication is not finite (the weights diverged)
   */
  publish(): number {
    if (!Number.isFinite(this.lossSinceSync)) {
      throw new NumericError(
        `training diverged: the loss became ${this.lossSinceSync} at learning rate ${this.lr.toPrecision(3)} (weights are no longer finite); use a smaller lr`,
      );
    }
    const counters = this.#counters;
    const words = this.wordsSinceSync - this.#published;
    const processed = Number(Atomics.add(counters.processed, 0, BigInt(words))) + words;
    const slot = 2 * this.#thread;
    counters.loss[slot]! += this.lossSinceSync;
    counters.loss[slot + 1]! += this.predictionsSinceSync;
    this.#published = this.wordsSinceSync;
    this.lossSinceSync = 0;
    this.predictionsSinceSync = 0;
    return processed;
  }

  #rateAt(processed: number): number {
    const { lr, minLr, totalWords } = this.#schedule;
    return learningRateAt(lr, minLr, totalWords > 0 ? processed / totalWords : 1);
  }
}

/** The learning rate after `fraction` of a run: linear from `lr` to `minLr`, then `minLr`. */
export function learningRateAt(lr: number, minLr: number, fraction: number): number {
  return fraction >= 1 ? minLr : lr - (lr - minLr) * fraction;
}

/** Creates a thread's random stream: stream `thread` of `new Random(seed)`. */
export function threadRandom(seed: number, thread: number): Random {
  return new Random(seed).fork(thread);
}
