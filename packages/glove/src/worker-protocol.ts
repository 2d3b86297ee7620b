import type { KernelMemory } from '@embedkit/core-math/kernels';

/** What a training worker thread is started with: the shared arrays. */
export interface WorkerSetup {
  /** The kernel memory the arrays live in (`kernelMemory()`), or `null` on the TypeScript kernels. */
  readonly memory: KernelMemory | null;
  readonly vocabSize: number;
  readonly dim: number;
  readonly lr: number;
  readonly gradClip: number;
  /** The shared parameters (Hogwild: every thread updates them without locks). */
  readonly weights: Float32Array;
  readonly gradsq: Float32Array;
  /** The shared training entries. */
  readonly entries: Int32Array;
  /** This thread's 2 · dim floats of scratch, allocated by the main thread. */
  readonly scratch: Float32Array;
  /**
   * The shared count of entries claimed in the current epoch (the main thread sets it to 0 before
   * each epoch): a worker claims the next `claim` entries by adding `claim` to it.
   */
  readonly claimed: Int32Array;
  readonly claim: number;
}

/** Main thread -> worker: train on claimed blocks until the epoch's entries are all claimed. */
export interface EpochRequest {
  readonly epoch: number;
}

/** Worker -> main thread: the epoch is done. */
export interface EpochResult {
  readonly epoch: number;
  readonly cost: number;
}
