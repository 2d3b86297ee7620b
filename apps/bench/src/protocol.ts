import type { TrainingProgress } from '@embedkit/core-math';

/** What the bench asks a training child process to do. */
export interface TrainSpec {
  /** Registered algorithm id. */
  readonly algo: string;
  /** Plug-in modules to load before looking the id up. */
  readonly plugins: readonly string[];
  /** Corpus file. */
  readonly corpus: string;
  /** Algorithm options. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Worker threads. */
  readonly threads: number;
  /** Seed. */
  readonly seed: number;
  /** Where to write the vectors (word2vec binary). */
  readonly output: string;
  /** Save the trained model in this format of its own (e.g. `fasttext-bin`) instead of its word vectors. */
  readonly modelFormat?: string;
}

/**
 * The work a trainer reports having done in its training phase: `processed` `unit`s (`words` for
 * word2vec and fastText, `pairs` for GloVe: co-occurrence entries × epochs) and, where the trainer
 * counts them, its predictions (calls of the objective).
 */
export interface TrainingWork {
  readonly unit: string;
  readonly processed: number;
  readonly predictions?: number;
}

/** One line a training child writes to its stdout (JSON, one message per line). */
export type ChildMessage =
  | { readonly type: 'progress'; readonly progress: TrainingProgress }
  | {
      readonly type: 'result';
      readonly trainSeconds: number;
      /**
       * Seconds from the trainer's first `training` progress report (after counting and encoding)
       * to the trained model; absent when it reports no training phase.
       */
      readonly trainingPhaseSeconds?: number;
      /** The work of the training phase, from the trainer's last `training` progress report. */
      readonly trainingWork?: TrainingWork;
      /** User + system CPU seconds of the whole child process. */
      readonly cpuSeconds: number;
      readonly peakRssMb: number;
      readonly vocabulary: number;
      readonly dim: number;
    }
  | { readonly type: 'error'; readonly message: string; readonly code?: string };

/** Prefix that marks protocol lines among anything else a child might print. */
export const MESSAGE_PREFIX = '@@embedkit-bench ';
