import type { KernelMemory } from '@embedkit/core-math/kernels';
import type {
  EngineSetup,
  LearningRateSchedule,
  SentenceKernelParts,
  SharedCounters,
} from './training-state.js';

/** First message to a training worker: what it trains, on which kernels, with which random stream. */
export interface InitRequest {
  readonly type: 'init';
  /** The main thread's kernel memory (`kernelMemory()`), or `null` for the TypeScript kernels. */
  readonly memory: KernelMemory | null;
  readonly setup: EngineSetup;
  readonly schedule: LearningRateSchedule;
  readonly counters: SharedCounters;
  readonly thread: number;
  readonly seed: number;
  /** This worker's scratch floats (`scratchFloats` of the setup; see `TrainingState`). */
  readonly scratch: Float32Array;
  /** Tables and this worker's workspace for the WebAssembly sentence loop, or `null` for the TypeScript loop. */
  readonly sentenceKernel: SentenceKernelParts | null;
}

/**
 * Chunks of an in-memory corpus that every worker of a run takes from one shared cursor, in corpus
 * order, pass after pass: chunk `c` is sentences `starts[c]..starts[c + 1] - 1`.
 */
export interface SharedChunks {
  /** `chunks + 1` sentence indices, first 0, last the sentence count. */
  readonly starts: Int32Array;
  /** `[chunks taken so far, over all passes]`, shared by the workers (`Atomics.add`). */
  readonly cursor: BigInt64Array;
}

/**
 * Trains `passes` passes over sentences `first..end-1` of an encoded block, or, with `chunks`,
 * takes chunks from the shared cursor until all passes over them are taken.
 */
export interface TrainRequest {
  readonly type: 'train';
  readonly ids: Int32Array;
  readonly sentenceStarts: Int32Array;
  readonly first: number;
  readonly end: number;
  readonly passes: number;
  /** The run's shared chunks of the whole corpus (then `first..end` is ignored), or `null`. */
  readonly chunks: SharedChunks | null;
  /** Kernel memory for the longest sentence of the request (the sentence kernel's buffer), or `null`. */
  readonly sentenceBuffer: Int32Array | null;
}

/** A message from the main thread to a training worker. */
export type WorkerRequest = InitRequest | TrainRequest;

/** A message from a training worker: one `train` request is done, or it failed. */
export type WorkerReply =
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: string | undefined; readonly message: string };
