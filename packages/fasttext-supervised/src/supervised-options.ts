import { ConfigError } from '@embedkit/core-math';
import type { FastTextLossName } from '@embedkit/fasttext-subword';
import { DEFAULT_LABEL_PREFIX } from './fasttext-classifier.js';

/** Every option of supervised training (embedkit's spelling; fastText's own name in brackets). */
export interface SupervisedTrainOptions {
  /** Vector dimension (`-dim`). Default 100. */
  readonly dim: number;
  /** Passes over the training lines (`-epoch`). Default 5. */
  readonly epochs: number;
  /** Start learning rate (`-lr`); it decays linearly to 0 over all tokens. Default 0.1. */
  readonly lr: number;
  /** Words seen fewer times are dropped (`-minCount`). Default 1. */
  readonly minCount: number;
  /** Labels seen fewer times are dropped (`-minCountLabel`). Default 0. */
  readonly minCountLabel: number;
  /** Longest word n-gram (`-wordNgrams`); 1 = words only. Default 1. */
  readonly wordNgrams: number;
  /**
   * Hash buckets of word and character n-grams (`-bucket`). Default 2,000,000, and 0 when there
   * are neither word n-grams nor character n-grams, as fastText sets it.
   */
  readonly bucket: number;
  /** Shortest character n-gram (`-minn`). Default 0. */
  readonly minn: number;
  /** Longest character n-gram (`-maxn`); 0 = none. Default 0. */
  readonly maxn: number;
  /** The loss (`-loss`): `softmax`, `ns`, `hs` or `ova` (one-vs-all, for several labels per line). Default `softmax`. */
  readonly loss: FastTextLossName;
  /** Negatives per target with the `ns` loss (`-neg`). Default 5. */
  readonly negative: number;
  /** What starts a label token (`-label`). Default `__label__`. */
  readonly label: string;
  /** Learning-rate update interval in tokens (`-lrUpdateRate`). Default 100. */
  readonly lrUpdateRate: number;
}

/** fastText's `supervised` defaults. */
export const SUPERVISED_DEFAULTS: Readonly<SupervisedTrainOptions> = Object.freeze({
  dim: 100,
  epochs: 5,
  lr: 0.1,
  minCount: 1,
  minCountLabel: 0,
  wordNgrams: 1,
  bucket: 2_000_000,
  minn: 0,
  maxn: 0,
  loss: 'softmax',
  negative: 5,
  label: DEFAULT_LABEL_PREFIX,
  lrUpdateRate: 100,
});

const LOSSES: readonly FastTextLossName[] = ['softmax', 'ns', 'hs', 'ova'];

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Applies fastText's supervised defaults to `input` and checks every value.
 *
 * @throws ConfigError for an unknown option or a value out of range
 */
export function resolveSupervisedOptions(
  input: Partial<SupervisedTrainOptions> = {},
): SupervisedTrainOptions {
  const defaults: Readonly<Record<string, unknown>> = SUPERVISED_DEFAULTS;
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(defaults, key)) {
      throw new ConfigError(
        key,
        (input as Record<string, unknown>)[key],
        `no such option of fasttext-supervised; the options are ${Object.keys(defaults).join(', ')}`,
      );
    }
  }
  const value = <K extends keyof SupervisedTrainOptions>(key: K): unknown => input[key] ?? defaults[key];
  const lr = value('lr');
  if (typeof lr !== 'number' || !(lr > 0 && lr < Number.POSITIVE_INFINITY))
    throw new ConfigError('lr', lr, 'a finite number greater than 0');
  const loss = value('loss') as FastTextLossName;
  if (!LOSSES.includes(loss)) throw new ConfigError('loss', loss, 'softmax, ns, hs or ova');
  const label = value('label');
  if (typeof label !== 'string' || label === '' || /\s/.test(label))
    throw new ConfigError('label', label, 'a non-empty prefix without spaces');
  const maxn = integer('maxn', value('maxn'), 0, 1000);
  const minn = integer('minn', value('minn'), 0, 1000);
  if (maxn > 0 && minn > maxn) throw new ConfigError('minn', minn, `at most maxn (${maxn})`);
  const wordNgrams = integer('wordNgrams', value('wordNgrams'), 1, 100);
  const bucket = integer('bucket', value('bucket'), 0, 2 ** 31 - 1);
  const hashed = wordNgrams > 1 || maxn > 0;
  if (hashed && bucket === 0)
    throw new ConfigError('bucket', bucket, 'at least 1 with word n-grams or character n-grams');
  return {
    dim: integer('dim', value('dim'), 1, 10_000),
    epochs: integer('epochs', value('epochs'), 1, 100_000),
    lr,
    minCount: integer('minCount', value('minCount'), 1, Number.MAX_SAFE_INTEGER),
    minCountLabel: integer('minCountLabel', value('minCountLabel'), 0, Number.MAX_SAFE_INTEGER),
    wordNgrams,
    // fastText sets bucket to 0 when nothing is hashed.
    bucket: hashed ? bucket : 0,
    minn,
    maxn,
    loss,
    negative: integer('negative', value('negative'), 1, 1000),
    label,
    lrUpdateRate: integer('lrUpdateRate', value('lrUpdateRate'), 1, 2 ** 31 - 1),
  };
}
