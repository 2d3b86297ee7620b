import { ConfigError, type TrainContext } from '@embedkit/core-math';
import { trainingParallelism } from '#worker-transport';
import { type NegativeSharing, isNegativeSharing, sharingChoices } from './objectives/negative-sampling.js';

/** The options skip-gram and CBOW share. */
export interface Word2VecCommonOptions {
  /** Vector dimension (word2vec's `-size`, gensim's `vector_size`). Default 100. */
  readonly dim: number;
  /** Largest context window, in words on each side; each word draws its own from 1..window. Default 5. */
  readonly window: number;
  /** Words seen fewer times are dropped (0 and 1 keep every word). Default 5. */
  readonly minCount: number;
  /** Keep at most this many most frequent words (gensim's `max_final_vocab`). Default: no limit. */
  readonly maxVocab: number | undefined;
  /** Subsampling threshold of frequent words (word2vec's `-sample`); 0 disables it. Default 1e-3. */
  readonly sample: number;
  /** Start learning rate. Default 0.025 for skip-gram, 0.05 for CBOW. */
  readonly lr: number;
  /** Learning rate at the end of training; it decays linearly from `lr` over all epochs. Default 1e-4. */
  readonly minLr: number;
  /** Passes over the corpus. Default 5. */
  readonly epochs: number;
  /** Negative samples per prediction; 0 turns negative sampling off. Default 5. */
  readonly negative: number;
  /** Train with hierarchical softmax (also together with negative sampling). Default false. */
  readonly hs: boolean;
  /** Longer sentences (and lines of a file) are cut into pieces of this many tokens. Default 10,000. */
  readonly maxSentenceLength: number;
  /**
   * Corpora with at most this many tokens (in the vocabulary) are encoded once and held in memory
   * (4 bytes per token); larger ones are streamed, in memory that does not grow with the corpus
   * (see `spill`). Default 2^27 (512 MiB); 0 always streams.
   */
  readonly maxInMemoryTokens: number;
  /**
   * A streamed corpus (above `maxInMemoryTokens`) trained for more than one epoch: the first epoch
   * writes the ids it encodes to a temporary file (4 bytes per token, in `tmpDir`) and the later
   * epochs read them back instead of reading and encoding the text again. The file is created under
   * a random name and unlinked at once (where the system refuses, removed at the end of the run):
   * it is gone when the run ends, fails or is cancelled. It takes at most half the space free in
   * `tmpDir` when created. When it cannot be created or written (a full disk, that half used up)
   * one warning goes to `onProgress` and every epoch encodes the text again. Default true.
   */
  readonly spill: boolean;
  /** Folder of the temporary file of `spill`. Default: unset, the system's (`os.tmpdir()`). */
  readonly tmpDir: string | undefined;
}

/** Skip-gram options: each word predicts the words of its window. */
export interface SkipGramOptions extends Word2VecCommonOptions {
  /** The architecture. */
  readonly model: 'skipgram';
  /**
   * `'none'`: every (word, context) pair draws its own `negative` noise words, as word2vec and
   * gensim do. `'window'`: a word draws them once for its whole window and its context rows are
   * trained against the word and those noise words as one small matrix product (Ji et al. 2016,
   * pWord2Vec's HogBatch; BlazingText): fewer draws, cache misses and passes over the rows, about
   * 0.6× the time of `'none'`. `'block'`: a draw for each block of 4 context rows of a window,
   * the word itself predicted pair by pair as in `'none'`: about 0.8× the time of `'none'`, with
   * vectors closer to `'none'`'s than `'window'`'s. Both need `negative > 0` and `hs: false`. Given
   * as `'auto'`, it resolves to `'block'` when negative sampling is the only objective and to
   * `'none'` with `hs: true` or `negative: 0` (the graph package's node2vec and DeepWalk default).
   * Default `'none'` (see docs/engine.md for where sharing changes the vectors).
   */
  readonly negativeSharing: NegativeSharing;
}

/** CBOW options: the words of a window predict the word in its middle. */
export interface CbowOptions extends Word2VecCommonOptions {
  /** The architecture. */
  readonly model: 'cbow';
  /** Average the context vectors (word2vec's `-cbow 1`) or sum them (gensim's `cbow_mean=0`). Default true. */
  readonly cbowMean: boolean;
}

/** Every word2vec option, resolved: a discriminated union on `model`. */
export type Word2VecOptions = SkipGramOptions | CbowOptions;

/** Skip-gram's `negativeSharing` as a caller gives it: `'auto'` lets the objectives choose. */
export type NegativeSharingInput = NegativeSharing | 'auto';

/** Options as a caller gives them: `model` (default `skipgram`) and any subset of the rest. */
export type Word2VecOptionsInput =
  | ({ readonly model?: 'skipgram'; readonly negativeSharing?: NegativeSharingInput } & Partial<
      Omit<SkipGramOptions, 'model' | 'negativeSharing'>
    >)
  | ({ readonly model: 'cbow' } & Partial<Omit<CbowOptions, 'model'>>);

/** Largest accepted `dim`. */
export const MAX_DIM = 10_000;

const COMMON_DEFAULTS = {
  dim: 100,
  window: 5,
  minCount: 5,
  maxVocab: undefined,
  sample: 1e-3,
  minLr: 1e-4,
  epochs: 5,
  negative: 5,
  hs: false,
  maxSentenceLength: 10_000,
  maxInMemoryTokens: 2 ** 27,
  spill: true,
  tmpDir: undefined,
} as const;

/** Default skip-gram options (without `model`). */
export const SKIPGRAM_DEFAULTS: Readonly<
  Omit<SkipGramOptions, 'model' | 'negativeSharing'> & { readonly negativeSharing: NegativeSharingInput }
> = Object.freeze({
  ...COMMON_DEFAULTS,
  lr: 0.025,
  negativeSharing: 'none',
});

/** Default CBOW options (without `model`). */
export const CBOW_DEFAULTS: Readonly<Omit<CbowOptions, 'model'>> = Object.freeze({
  ...COMMON_DEFAULTS,
  lr: 0.05,
  cbowMean: true,
});

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

function directory(option: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw new ConfigError(option, value, 'a folder path');
  }
  return value;
}

function boolean(option: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ConfigError(option, value, 'true or false');
  return value;
}

/**
 * Applies the defaults to `input` and checks every value.
 *
 * @throws ConfigError for an unknown option, a value out of range, or options that contradict each
 *   other (no objective: `hs: false` with `negative: 0`; `minLr` above `lr`)
 */
export function resolveWord2VecOptions(input: Word2VecOptionsInput = {}): Word2VecOptions {
  const model = input.model ?? 'skipgram';
  if (model !== 'skipgram' && model !== 'cbow') {
    throw new ConfigError('model', model, '"skipgram" or "cbow"');
  }
  const defaults: Readonly<Record<string, unknown>> = model === 'cbow' ? CBOW_DEFAULTS : SKIPGRAM_DEFAULTS;
  for (const key of Object.keys(input)) {
    if (key !== 'model' && !Object.hasOwn(defaults, key)) {
      throw new ConfigError(
        key,
        (input as Record<string, unknown>)[key],
        `no such ${model} option; the options are model, ${Object.keys(defaults).join(', ')}`,
      );
    }
  }
  const value = (key: string): unknown => {
    const given = (input as Record<string, unknown>)[key];
    return given === undefined ? defaults[key] : given;
  };
  const maxVocab = value('maxVocab');
  const lr = value('lr');
  if (typeof lr !== 'number' || !(lr > 0 && lr < Number.POSITIVE_INFINITY)) {
    throw new ConfigError('lr', lr, 'a finite number greater than 0');
  }
  const minLr = value('minLr');
  if (typeof minLr !== 'number' || !(minLr >= 0 && minLr <= lr)) {
    throw new ConfigError('minLr', minLr, `a number from 0 to lr (${lr})`);
  }
  const sample = value('sample');
  if (typeof sample !== 'number' || !(sample >= 0 && sample <= 1)) {
    throw new ConfigError('sample', sample, 'a number from 0 to 1 (0 disables subsampling)');
  }
  const common: Word2VecCommonOptions = {
    dim: integer('dim', value('dim'), 1, MAX_DIM),
    window: integer('window', value('window'), 1, 10_000),
    minCount: integer('minCount', value('minCount'), 0, Number.MAX_SAFE_INTEGER),
    maxVocab: maxVocab === undefined ? undefined : integer('maxVocab', maxVocab, 1, 2 ** 31 - 2),
    sample,
    lr,
    minLr,
    epochs: integer('epochs', value('epochs'), 1, 100_000),
    negative: integer('negative', value('negative'), 0, 1000),
    hs: boolean('hs', value('hs')),
    maxSentenceLength: integer('maxSentenceLength', value('maxSentenceLength'), 1, 2 ** 30),
    maxInMemoryTokens: integer('maxInMemoryTokens', value('maxInMemoryTokens'), 0, 2 ** 31 - 1),
    spill: boolean('spill', value('spill')),
    tmpDir: directory('tmpDir', value('tmpDir')),
  };
  if (!common.hs && common.negative === 0) {
    throw new ConfigError('negative', 0, 'at least 1 when hs is false (training needs an objective)');
  }
  if (model === 'cbow') return { model, ...common, cbowMean: boolean('cbowMean', value('cbowMean')) };
  const sharing = value('negativeSharing');
  if (sharing !== 'auto' && !isNegativeSharing(sharing)) {
    throw new ConfigError('negativeSharing', sharing, sharingChoices(['auto']));
  }
  const negativeSharing =
    sharing !== 'auto' ? sharing : common.hs || common.negative === 0 ? 'none' : 'block';
  if (negativeSharing !== 'none' && (common.hs || common.negative === 0)) {
    throw new ConfigError(
      'negativeSharing',
      negativeSharing,
      `"none" with ${common.hs ? 'hs: true' : 'negative: 0'} (shared negatives need negative sampling alone)`,
    );
  }
  return { model, ...common, negativeSharing };
}

/**
 * Threads and seed of a training run, from its {@link TrainContext}.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface RunSettings {
  /** Worker threads requested (the engine clamps them to the machine). */
  readonly threads: number;
  /** The seed, when one was given. */
  readonly seed: number | undefined;
}

/**
 * Reads and checks `threads` (default: the machine's available parallelism) and `seed` from a
 * context.
 *
 * @throws ConfigError when `threads` is not a positive integer or `seed` not a safe integer
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function resolveRunSettings(context: TrainContext = {}): RunSettings {
  const threads = integer('threads', context.threads ?? trainingParallelism().threads, 1, 2 ** 31);
  const seed = context.seed;
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new ConfigError('seed', seed, 'a safe integer');
  return { threads, seed };
}
