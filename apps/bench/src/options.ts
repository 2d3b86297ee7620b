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
  /** STS Benchmark folder (with sts-test.csv) for comparing text pooling methods, when given. */
  readonly sts: string | undefined;
  /** Word frequency table (`word count` lines) for SIF pooling on STS. */
  readonly frequencies: string | undefined;
  /** Analogy answers are searched among this many most frequent words (gensim's restrict_vocab). */
  readonly restrictVocab: number;
  /** Pretrained vector files to evaluate in the same table. */
  readonly vectors: readonly string[];
  /** Peers to run with the same configuration: `gensim`, `fasttext`. */
  readonly peers: readonly string[];
  /** Plug-in modules exporting EmbeddingAlgorithms. */
  readonly plugins: readonly string[];
  /** Output folder for vectors and reports. */
  readonly out: string;
  /** Words whose nearest neighbours the report shows for every model. */
  readonly probeWords: readonly string[];
}

/** Options shared by all algorithms unless overridden: small enough for a few minutes on 2 cores. */
export const DEFAULT_COMMON = { dim: 100, epochs: 5, window: 5, minCount: 5 } as const;

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

/** A mistake in how the bench was called (reported with exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
