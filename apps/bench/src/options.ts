import { UsageError } from '@embedkit/cli';
import type { PeerSetup } from './peers.js';

/** The bench's configuration: what to train, on what, and how to evaluate it. */
export interface BenchOptions {
  /** Corpus file (one sentence per line, whitespace tokens); undefined = the default SOTU corpus. */
  readonly corpus: string | undefined;
  /** Algorithm ids to train, in order. */
  readonly algos: readonly string[];
  /** Options every algorithm gets (dim, epochs, window, minCount). */
  readonly common: Readonly<Record<string, number>>;
  /** Per-algorithm option overrides (`--set ALGO.option=value`). */
  readonly overrides: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Worker threads for every trainer and peer. */
  readonly threads: number;
  /** Seed for every trainer and peer. */
  readonly seed: number;
  /** Analogy sets (Google format). */
  readonly analogy: readonly string[];
  /** Word-similarity sets. */
  readonly similarity: readonly string[];
  /** An STS Benchmark file (as sts-test.csv) for comparing text pooling methods, when given. */
  readonly sts: string | undefined;
  /** Word frequency table (`word count` lines) for SIF pooling on STS. */
  readonly frequencies: string | undefined;
  /** Analogy answers are searched among this many most frequent words (gensim's restrict_vocab). */
  readonly restrictVocab: number;
  /** Pretrained vector files to evaluate in the same table. */
  readonly vectors: readonly string[];
  /** Peers to run with the same configuration: `gensim`, `fasttext`, `glove`. */
  readonly peers: readonly string[];
  /** Where the peers' programs are (the Stanford GloVe tools' folder). */
  readonly peerSetup: PeerSetup;
  /** Bench defaults the run uses because no flag set them, e.g. `dim 50` (reported as a note). */
  readonly defaultsUsed: readonly string[];
  /** Also write report.md here (e.g. docs/benchmarks.md), when given. */
  readonly reportCopy?: string | undefined;
  /** Plug-in modules exporting EmbeddingAlgorithms. */
  readonly plugins: readonly string[];
  /** Output folder for vectors and reports. */
  readonly out: string;
  /** Words whose nearest neighbours the report shows for every model. */
  readonly probeWords: readonly string[];
}

/**
 * Options every algorithm gets unless the command line sets them: sized so that the default run
 * (every built-in algorithm on the State of the Union corpus) finishes in a few minutes on 2 cores.
 * See docs/bench.md for the measured time; `--dim 100 --epochs 5` gives the usual literature settings.
 */
export const DEFAULT_COMMON = { dim: 50, epochs: 3, window: 5, minCount: 5 } as const;

/**
 * Per-algorithm defaults of the bench, below any `--set` (the peers get the same values):
 * - fastText's 2,000,000 hash buckets cost about 800 MB at dim 100 and much of the run's time to
 *   initialise; 200,000 keep the subword rows comparable at a fraction of the cost;
 * - GloVe's epochs are passes over the co-occurrence matrix, each a few seconds here, and 3 of them
 *   leave it untrained (analogy accuracy near 0 on the default corpus): it gets 10, with xMax 10 as
 *   the Stanford demo uses for a small corpus (an explicit `--epochs` applies to GloVe too).
 */
export const DEFAULT_SETTINGS: ReadonlyMap<string, Readonly<Record<string, number>>> = new Map<
  string,
  Readonly<Record<string, number>>
>([
  ['glove', { epochs: 10, xMax: 10 }],
  ['fasttext-skipgram', { bucket: 200_000 }],
  ['fasttext-cbow', { bucket: 200_000 }],
]);

/** The algorithms the default run compares. */
export const DEFAULT_ALGOS = [
  'word2vec-skipgram',
  'word2vec-cbow',
  'glove',
  'fasttext-skipgram',
  'fasttext-cbow',
  'ppmi-svd',
] as const;

/** Probe words shown with their nearest neighbours (chosen to exist in SOTU and text8). */
export const DEFAULT_PROBE_WORDS = ['war', 'tax', 'congress', 'freedom', 'america'] as const;

/** Parses `ALGO.option=value` into its parts; values are JSON where they parse, strings otherwise. */
export function parseOverride(spec: string): { algo: string; option: string; value: unknown } {
  const match = /^([a-z][a-z0-9-]*)\.([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(spec);
  if (!match) throw new UsageError(`--set ${spec}: expected ALGO.option=value, e.g. glove.xMax=10`);
  const [, algo, option, raw] = match as unknown as [string, string, string, string];
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a bare string such as `cbow`
  }
  return { algo, option, value };
}
