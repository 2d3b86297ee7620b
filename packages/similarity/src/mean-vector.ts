import {
  ConfigError,
  cosine,
  DimensionMismatchError,
  KeyNotFoundError,
  normalizeInPlace,
  type WordVectors,
} from '@embedkit/core-math';
import type { Query } from './exact-index.js';

/** Options of {@link getMeanVector}. */
export interface MeanVectorOptions {
  /** One weight per key (default: all 1); the mean divides by the sum of their absolute values. */
  readonly weights?: ArrayLike<number>;
  /** Scale each word's vector to unit length before averaging (default `true`, as gensim). */
  readonly preNormalize?: boolean;
  /** Scale the mean to unit length (default `false`). */
  readonly postNormalize?: boolean;
  /** Skip words that are not keys (default `true`, as gensim); `false` throws instead. */
  readonly ignoreMissing?: boolean;
}

/**
 * gensim's `KeyedVectors.get_mean_vector(keys, weights, pre_normalize, post_normalize,
 * ignore_missing)`: `Σ wᵢ vᵢ / Σ |wᵢ|` over the keys that are words of the vectors (unit-length
 * when `preNormalize`) or raw vectors (used as given). Unknown words are skipped by default; when
 * every key is skipped the result is a zero vector, as in gensim.
 * @throws ConfigError when `keys` is empty or a weight is not finite
 * @throws DimensionMismatchError when `weights` and `keys` differ in length, or a vector key
 *   has the wrong dimension
 * @throws KeyNotFoundError naming the first unknown word, with `ignoreMissing: false`
 */
export function getMeanVector(
  vectors: WordVectors,
  keys: readonly Query[],
  options: MeanVectorOptions = {},
): Float32Array {
  const { weights, preNormalize = true, postNormalize = false, ignoreMissing = true } = options;
  if (keys.length === 0) throw new ConfigError('keys', '[]', 'at least one key');
  if (weights !== undefined && weights.length !== keys.length) {
    throw new DimensionMismatchError(keys.length, weights.length, 'weights');
  }
  const dim = vectors.dim;
  const sum = new Float64Array(dim);
  let totalWeight = 0;
  keys.forEach((key, i) => {
    const weight = weights === undefined ? 1 : weights[i]!;
    if (!Number.isFinite(weight)) throw new ConfigError(`weights[${i}]`, weight, 'a finite number');
    let vector: Float32Array;
    if (typeof key === 'string') {
      const row = vectors.indexOf(key);
      if (row === undefined) {
        if (ignoreMissing) return;
        throw new KeyNotFoundError(key);
      }
      vector = preNormalize ? vectors.unitRow(row) : vectors.row(row);
    } else {
      if (key.length !== dim) throw new DimensionMismatchError(dim, key.length, `keys[${i}]`);
      vector = key;
    }
    for (let j = 0; j < dim; j++) sum[j]! += weight * vector[j]!;
    totalWeight += Math.abs(weight);
  });
  const mean = Float32Array.from(sum, (x) => (totalWeight > 0 ? x / totalWeight : x));
  if (postNormalize) normalizeInPlace(mean);
  return mean;
}

/** The raw mean of the known words of one side of {@link nSimilarity}. */
function knownMean(vectors: WordVectors, words: readonly string[], side: string): Float32Array {
  if (words.length === 0) throw new ConfigError(side, '[]', 'at least one word');
  if (!words.some((word) => vectors.has(word))) {
    throw new KeyNotFoundError(words[0]!, `the vocabulary (nor is any other word of ${side})`);
  }
  return getMeanVector(vectors, words, { preNormalize: false });
}

/**
 * gensim's `KeyedVectors.n_similarity(ws1, ws2)`: the cosine similarity of the means of the raw
 * vectors of two word lists. Unknown words are skipped, as gensim does.
 * @throws ConfigError when a list is empty (gensim: ZeroDivisionError)
 * @throws KeyNotFoundError naming the list's first word when none of its words is a key (where
 *   gensim returns 0)
 */
export function nSimilarity(
  vectors: WordVectors,
  words1: readonly string[],
  words2: readonly string[],
): number {
  return cosine(knownMean(vectors, words1, 'words1'), knownMean(vectors, words2, 'words2'));
}
