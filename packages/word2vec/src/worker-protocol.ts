import type { KernelMemory } from '@embedkit/core-math';
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
  /** This worker's `2 · dim` scratch floats (see `TrainingState`). */
  readonly scratch: Float32Array;
  /** Tables and this worker's workspace for the WebAssembly sentence loop, or `null` for the TypeScript loop. */
  readonly sentenceKernel: SentenceKernelParts | null;
}

/** Trains `passes` passes over sentences `first..end-1` of an encoded block. */
export interface TrainRequest {
  readonly type: 'train';
  readonly ids: Int32Array;
  readonly sentenceStarts: Int32Array;
  readonly first: number;
  readonly end: number;
  readonly passes: number;
  /** Kernel memory for the longest sentence of the request (the sentence kernel's buffer), or `null`. */
  readonly sentenceBuffer: Int32Array | null;
}

/** A message from the main thread to a training worker. */
export type WorkerRequest = InitRequest | TrainRequest;

/** A message from a training worker: one `train` request is done, or it failed. */
export type WorkerReply =
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: string | undefined; readonly message: string };
