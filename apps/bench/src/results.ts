import type { TrainingWork } from './protocol.js';

/** Accuracy on one analogy set (Google format), split as gensim's sections are. */
export interface AnalogyResult {
  /** The set's file name. */
  readonly set: string;
  /** Accuracy over all sections, 0..1. */
  readonly total: number;
  /** Accuracy over the semantic sections (those not named `gram…`), 0..1, or null when none. */
  readonly semantic: number | null;
  /** Accuracy over the syntactic `gram…` sections, 0..1, or null when none. */
  readonly syntactic: number | null;
  /** Questions answered (all four words in the restricted vocabulary). */
  readonly questions: number;
  /** Questions skipped because a word was out of vocabulary. */
  readonly skipped: number;
}

/** Correlation with human judgements on one word-similarity set. */
export interface SimilarityResult {
  /** The set's file name. */
  readonly set: string;
  /** Spearman's rho. */
  readonly spearman: number;
  /** Pearson's r. */
  readonly pearson: number;
  /** Share of pairs with an out-of-vocabulary word, in percent. */
  readonly oovPercent: number;
  /** Pairs used. */
  readonly pairs: number;
}

/** STS Benchmark figures for text pooling on a model's vectors (Pearson x 100). */
export interface StsResult {
  /** Pooling method -> Pearson x 100 on the test split. */
  readonly pearsonByMethod: Readonly<Record<string, number>>;
}

/** The most frequent words of a model on its top two principal directions (the report's scatter). */
export interface WordMap {
  /** The words, most frequent first. */
  readonly words: readonly string[];
  /** Each word's coordinate on the first principal direction. */
  readonly x: readonly number[];
  /** Each word's coordinate on the second principal direction. */
  readonly y: readonly number[];
}

/** Everything measured for one model. */
export interface Evaluation {
  readonly analogy: readonly AnalogyResult[];
  readonly similarity: readonly SimilarityResult[];
  /** Probe word -> its nearest neighbours (absent probes are left out). */
  readonly neighbors: Readonly<Record<string, readonly string[]>>;
  readonly sts?: StsResult;
  /** A PCA map of the most frequent words, absent for a model too small to project. */
  readonly wordMap?: WordMap;
  /** Seconds the evaluation took. */
  readonly seconds: number;
}

/** One row of the comparison: a model we trained, a peer's, or a pretrained file. */
export interface ModelRow {
  /** Display name, e.g. `word2vec-skipgram`, `gensim word2vec-skipgram`. */
  readonly name: string;
  /** Who produced it. */
  readonly kind: 'ours' | 'peer' | 'pretrained';
  /** The algorithm id it trains (for peers: the id of ours it is compared with). */
  readonly algo?: string;
  /** Effective options it was trained with. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** `ok`, or why there is no figure. */
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly error?: string;
  /** Where its vectors were written (or read from). */
  readonly vectorsPath?: string;
  /** Whole-process wall-clock seconds, from start to vectors on disk. */
  readonly wallSeconds?: number;
  /** User + system CPU seconds of the training process (all its threads and children). */
  readonly cpuSeconds?: number;
  /** Seconds inside the training call, where the trainer reports it. */
  readonly trainSeconds?: number;
  /** Seconds of the training phase alone (after counting and encoding), where the trainer reports it. */
  readonly trainingPhaseSeconds?: number;
  /** The work of the training phase, where the trainer reports it (for the roofline). */
  readonly trainingWork?: TrainingWork;
  /** Corpus tokens x epochs / wall seconds. */
  readonly wordsPerSecond?: number;
  /** Peak resident set size of the training process, MB. */
  readonly peakRssMb?: number;
  readonly vocabulary?: number;
  /** The tool's version, for peers. */
  readonly version?: string;
  readonly evaluation?: Evaluation;
  /** For our rows: the peer row it is compared with, and wall time ours / peer's. */
  readonly ratio?: { readonly peer: string; readonly time: number };
}

/** The whole report written to report.json. */
export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly node: string;
    readonly platform: string;
  };
  readonly corpus: {
    readonly path: string;
    readonly name: string;
    readonly tokens: number;
    readonly sentences: number;
  };
  readonly config: {
    readonly seed: number;
    readonly threads: number;
    readonly restrictVocab: number;
    readonly common: Readonly<Record<string, number>>;
    readonly analogySets: readonly string[];
    readonly similaritySets: readonly string[];
  };
  readonly evaluationSemantics: string;
  readonly rows: readonly ModelRow[];
  readonly notes: readonly string[];
}
