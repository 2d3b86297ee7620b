import type { WordVectors } from '@embedkit/core-math';
import { distances } from './word-similarity.js';

/**
 * gensim's `KeyedVectors.closer_than(key1, key2)`: every word whose cosine distance to `word` is
 * smaller than that of `other`, in row order, without `word` itself.
 * @throws KeyNotFoundError naming the first word that is not a key
 */
export function closerThan(vectors: WordVectors, word: string, other: string): string[] {
  const all = distances(vectors, word);
  const self = vectors.requireIndex(word);
  const bound = all[vectors.requireIndex(other)]!;
  const closer: string[] = [];
  all.forEach((d, row) => {
    if (d < bound && row !== self) closer.push(vectors.keyAt(row));
  });
  return closer;
}

/**
 * gensim's `KeyedVectors.rank(key1, key2)`: 1 + the number of words closer to `word` than
 * `other` is (1 for its nearest neighbour).
 * @throws KeyNotFoundError naming the first word that is not a key
 */
export function rank(vectors: WordVectors, word: string, other: string): number {
  return closerThan(vectors, word, other).length + 1;
}
