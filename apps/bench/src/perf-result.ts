import type { Roofline } from './roofline.js';
import type { BenchMachine } from './machine.js';

/** One timed operation for perf-task.ts (ours) or peers/gensim_perf.py (gensim). */
export type PerfTask =
  | {
      readonly kind: 'analogy';
      /** Model in word2vec binary format. */
      readonly vectors: string;
      /** Analogy questions in the Google format. */
      readonly questions: string;
      readonly restrictVocab: number;
    }
  | {
      readonly kind: 'load';
      /** GloVe text file (no header). */
      readonly vectors: string;
    };

/** What a timed operation reports: its own seconds, CPU seconds, the process's peak memory. */
export interface PerfTaskResult {
  /** Wall-clock seconds of the operation itself (loading the model first is not counted). */
  readonly seconds: number;
  /** User + system CPU seconds of the operation. */
  readonly cpuSeconds: number;
  /** Peak resident memory of the whole process, MB. */
  readonly peakRssMb: number;
  /** What it computed, to check both sides agree (accuracy, correct, …; words, dim). */
  readonly figures: Readonly<Record<string, number>>;
  /** The peer's version, for peer results. */
  readonly version?: string;
}

/** One side of a measured comparison. */
export interface PerfMeasure {
  /** The compared time: wall-clock seconds. */
  readonly seconds: number;
  readonly cpuSeconds?: number | undefined;
  readonly peakRssMb?: number | undefined;
  /** Quality or agreement figures shown next to the time, e.g. `analogy 6.5 %`. */
  readonly quality?: string | undefined;
}

/** A row of the performance table: ours against a peer (or against ourselves, for scaling). */
export interface PerfRow {
  /** What is measured, e.g. `word2vec skip-gram training`. */
  readonly name: string;
  /** Label of the `ours` column's side, e.g. `embedkit`, `2 threads`, `×4 corpus`. */
  readonly oursLabel: string;
  /** Label of the other side, e.g. `gensim 4.2.0`, `1 thread`. */
  readonly peerLabel: string;
  readonly ours?: PerfMeasure | undefined;
  readonly peer?: PerfMeasure | undefined;
  /** The compared figure ours / peer's (time, or peak memory for the memory rows). */
  readonly ratio?: number | undefined;
  /** The target in words, e.g. `time ≤ 0.67×, analogy ≥ peer − 1 point`. */
  readonly target: string;
  /** Whether the target is met; undefined when a side is missing or there is no target. */
  readonly met?: boolean | undefined;
  /** Why a side is missing, or what else to know. */
  readonly note?: string | undefined;
}

/** Everything the perf preset measured (written to perf.json and rendered into docs/performance.md). */
export interface PerfResult {
  readonly date: string;
  readonly command: string;
  readonly machine: BenchMachine;
  /** 1-minute load average at the start and at the end of the run. */
  readonly load: readonly [number, number];
  /** Total wall-clock seconds of the preset. */
  readonly seconds: number;
  /** Corpus of the training rows and its token count. */
  readonly corpus: { readonly path: string; readonly tokens: number };
  readonly rows: readonly PerfRow[];
  /** The training rows' achieved GFLOP/s against the logistic step's measured roofs. */
  readonly roofline?: Roofline | undefined;
  readonly notes: readonly string[];
}
