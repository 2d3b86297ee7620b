import { ConfigError } from '@embedkit/core-math';

/** Every option of fastText training (the shared embedkit spelling; fastText's own name in brackets). */
export interface FastTextTrainOptions {
  /** `skipgram`: a word's subwords predict its context; `cbow`: the context's subwords predict the word. */
  readonly model: 'skipgram' | 'cbow';
  /** Vector dimension (`-dim`). Default 100. */
  readonly dim: number;
  /** Largest context window, in words on each side; each word draws its own from 1..window (`-ws`). Default 5. */
  readonly window: number;
  /** Passes over the corpus (`-epoch`). Default 5. */
  readonly epochs: number;
  /** Words seen fewer times are dropped (`-minCount`). Default 5. */
  readonly minCount: number;
  /** Keep at most this many most frequent words. Default: no limit. */
  readonly maxVocab: number | undefined;
  /** Negative samples per prediction with the `ns` loss (`-neg`). Default 5. */
  readonly negative: number;
  /** Hierarchical softmax instead of negative sampling (`-loss hs`); `negative` is then unused. Default false. */
  readonly hs: boolean;
  /** Shortest character n-gram (`-minn`). Default 3. */
  readonly minn: number;
  /** Longest character n-gram (`-maxn`); 0 turns subwords off (and `bucket` to 0). Default 6. */
  readonly maxn: number;
  /** Hash buckets shared by all n-grams (`-bucket`). Default 2,000,000. */
  readonly bucket: number;
  /** Subsampling threshold of frequent words (`-t`); 0 disables it. Default 1e-4. */
  readonly sample: number;
  /** Start learning rate (`-lr`). Default 0.05. */
  readonly lr: number;
  /** Learning rate at the end; it decays linearly from `lr` (fastText decays to 0). Default 0. */
  readonly minLr: number;
  /** fastText's learning-rate update interval in tokens (`-lrUpdateRate`), stored in the `.bin`. Default 100. */
  readonly lrUpdateRate: number;
  /** Lines are cut into pieces of this many tokens (fastText's `MAX_LINE_SIZE`). Default 1024. */
  readonly maxSentenceLength: number;
}

/** Options as a caller gives them: any subset, `model` defaulting to `skipgram`. */
export type FastTextTrainOptionsInput = Partial<FastTextTrainOptions>;

/** fastText's defaults for unsupervised training (without `model`). */
export const FASTTEXT_DEFAULTS: Readonly<Omit<FastTextTrainOptions, 'model'>> = Object.freeze({
  dim: 100,
  window: 5,
  epochs: 5,
  minCount: 5,
  maxVocab: undefined,
  negative: 5,
  hs: false,
  minn: 3,
  maxn: 6,
  bucket: 2_000_000,
  sample: 1e-4,
  lr: 0.05,
  minLr: 0,
  lrUpdateRate: 100,
  maxSentenceLength: 1024,
});

/** Largest accepted `dim`. */
const MAX_TRAIN_DIM = 10_000;

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

function fraction(option: string, value: unknown, max: number, allowed: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= max))
    throw new ConfigError(option, value, allowed);
  return value;
}

/**
 * Applies fastText's defaults to `input` and checks every value.
 *
 * @throws ConfigError for an unknown option, a value out of range, or contradicting options
 *   (`minn` above `maxn`, `minLr` above `lr`)
 */
export function resolveFastTextOptions(input: FastTextTrainOptionsInput = {}): FastTextTrainOptions {
  const model = input.model ?? 'skipgram';
  if (model !== 'skipgram' && model !== 'cbow') throw new ConfigError('model', model, '"skipgram" or "cbow"');
  const defaults: Readonly<Record<string, unknown>> = FASTTEXT_DEFAULTS;
  for (const key of Object.keys(input)) {
    if (key !== 'model' && !Object.hasOwn(defaults, key)) {
      throw new ConfigError(
        key,
        (input as Record<string, unknown>)[key],
        `no such fastText option; the options are model, ${Object.keys(defaults).join(', ')}`,
      );
    }
  }
  const value = (key: keyof FastTextTrainOptions): unknown => input[key] ?? defaults[key];
  const lr = value('lr');
  if (typeof lr !== 'number' || !(lr > 0 && lr < Number.POSITIVE_INFINITY)) {
    throw new ConfigError('lr', lr, 'a finite number greater than 0');
  }
  const hs = value('hs');
  if (typeof hs !== 'boolean') throw new ConfigError('hs', hs, 'true or false');
  const maxVocab = value('maxVocab');
  const maxn = integer('maxn', value('maxn'), 0, 1000);
  const minn = integer('minn', value('minn'), 0, 1000);
  if (maxn > 0 && minn > maxn) throw new ConfigError('minn', minn, `at most maxn (${maxn})`);
  const bucket = integer('bucket', value('bucket'), maxn > 0 ? 1 : 0, 2 ** 31 - 1);
  return {
    model,
    dim: integer('dim', value('dim'), 1, MAX_TRAIN_DIM),
    window: integer('window', value('window'), 1, 10_000),
    epochs: integer('epochs', value('epochs'), 1, 100_000),
    minCount: integer('minCount', value('minCount'), 0, Number.MAX_SAFE_INTEGER),
    maxVocab: maxVocab === undefined ? undefined : integer('maxVocab', maxVocab, 1, 2 ** 31 - 2),
    negative: integer('negative', value('negative'), hs ? 0 : 1, 1000),
    hs,
    minn,
    maxn,
    // fastText sets bucket to 0 when there are no subwords (and no word n-grams).
    bucket: maxn === 0 ? 0 : bucket,
    sample: fraction('sample', value('sample'), 1, 'a number from 0 to 1 (0 disables subsampling)'),
    lr,
    minLr: fraction('minLr', value('minLr'), lr, `a number from 0 to lr (${lr})`),
    lrUpdateRate: integer('lrUpdateRate', value('lrUpdateRate'), 1, 2 ** 31 - 1),
    maxSentenceLength: integer('maxSentenceLength', value('maxSentenceLength'), 1, 2 ** 30),
  };
}
