import { ConfigError, cosine, DimensionMismatchError, type WordVectors } from '@embedkit/core-math';
import type { Query } from './exact-index.js';
import { cosineSimilarities } from './metrics.js';
import { mostSimilar } from './most-similar.js';

/** The vector of a word (a view of its row), or a raw vector checked against the dimension. */
function queryVector(vectors: WordVectors, query: Query): Float32Array {
  if (typeof query === 'string') return vectors.row(vectors.requireIndex(query));
  if (query.length !== vectors.dim)
    throw new DimensionMismatchError(vectors.dim, query.length, 'query vector');
  return query;
}

/**
 * gensim's `KeyedVectors.similarity(w1, w2)`: the cosine similarity of two words' vectors, in
 * [-1, 1] (0 when either vector is zero, where gensim gives NaN).
 * @throws KeyNotFoundError naming the first word that is not a key
 */
export function similarity(vectors: WordVectors, word1: string, word2: string): number {
  return cosine(queryVector(vectors, word1), queryVector(vectors, word2));
}

/**
 * gensim's `KeyedVectors.distance(w1, w2)`: the cosine distance `1 − similarity(w1, w2)`.
 * @throws KeyNotFoundError naming the first word that is not a key
 */
export function distance(vectors: WordVectors, word1: string, word2: string): number {
  return 1 - similarity(vectors, word1, word2);
}

/**
 * gensim's `KeyedVectors.distances(word_or_vector, other_words)`: the cosine distance
 * (`1 − cos`) from a word or a vector to each word of `otherWords`, in their order, or to every
 * row of the vectors (the word itself included) when `otherWords` is empty. A zero vector is at
 * distance 1 from everything (gensim gives NaN).
 * @throws KeyNotFoundError naming the first word that is not a key
 * @throws DimensionMismatchError when a vector query has the wrong dimension
 */
export function distances(
  vectors: WordVectors,
  wordOrVector: Query,
  otherWords: readonly string[] = [],
): Float32Array {
  const query = queryVector(vectors, wordOrVector);
  if (otherWords.length === 0) return cosineSimilarities(vectors, query).map((cos) => 1 - cos);
  const rows = otherWords.map((word) => vectors.requireIndex(word));
  return Float32Array.from(rows, (row) => 1 - cosine(query, vectors.row(row)));
}

/**
 * gensim's `KeyedVectors.most_similar_to_given(key1, keys_list)`: the word of `candidates` with
 * the highest cosine similarity to `word` (the first of equals, as numpy's `argmax`).
 * @throws KeyNotFoundError naming the first word that is not a key
 * @throws ConfigError when `candidates` is empty
 */
export function mostSimilarToGiven(
  vectors: WordVectors,
  word: string,
  candidates: readonly string[],
): string {
  if (candidates.length === 0) throw new ConfigError('candidates', '[]', 'at least one word to choose from');
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((candidate, i) => {
    const score = similarity(vectors, word, candidate);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return candidates[best]!;
}

/**
 * gensim's `KeyedVectors.relative_cosine_similarity(wa, wb, topn)` (Leeuwenberg et al. 2016,
 * eq. 1): `similarity(wa, wb)` divided by the sum of the similarities of `wa`'s `topn` nearest
 * neighbours. Above 0.10 with `topn = 10`, the paper finds `wa` and `wb` more similar than an
 * arbitrary pair of neighbours.
 * @throws KeyNotFoundError naming the first word that is not a key
 * @throws ConfigError when `topn` is not a positive integer or the vectors hold no other word
 */
export function relativeCosineSimilarity(
  vectors: WordVectors,
  wordA: string,
  wordB: string,
  topn = 10,
): number {
  if (!Number.isInteger(topn) || topn < 1) throw new ConfigError('topn', topn, 'a positive integer');
  const neighbors = mostSimilar(vectors, { positive: wordA, topn });
  const target = similarity(vectors, wordA, wordB);
  if (neighbors.length === 0)
    throw new ConfigError('vectors', vectors.size, 'at least one word besides wordA');
  let sum = 0;
  for (const { score } of neighbors) sum += score;
  return target / sum;
}
