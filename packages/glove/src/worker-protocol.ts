import type { RandomState } from '@embedkit/core-math';

/** What a training worker thread is started with: shared buffers and its slice of the entries. */
export interface WorkerSetup {
  readonly vocabSize: number;
  readonly dim: number;
  readonly lr: number;
  readonly gradClip: number;
  /** The shared parameter buffers (Hogwild: every thread updates them without locks). */
  readonly weights: SharedArrayBuffer;
  readonly gradsq: SharedArrayBuffer;
  /** The shared training entries. */
  readonly entries: SharedArrayBuffer;
  /** The thread's slice: entries [start, end). */
  readonly start: number;
  readonly end: number;
  /** State of the thread's generator, which reshuffles its slice every epoch. */
  readonly random: RandomState;
}

/** Main thread -> worker: run one epoch over the slice. */
export interface EpochRequest {
  readonly epoch: number;
}

/** Worker -> main thread: the epoch is done. */
export interface EpochResult {
  readonly epoch: number;
  readonly cost: number;
  readonly skipped: number;
}
