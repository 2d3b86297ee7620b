import { ConfigError, type WordVectors } from '@embedkit/core-math';
import type { Query } from './exact-index.js';
import type { AnalogyMethod } from './term-scorer.js';
import { checkCount, type Neighbor, restrictedRows, searchTerms, TermSet } from './term-search.js';

/** Options of {@link mostSimilar} and {@link mostSimilarCosmul}. */
export interface MostSimilarOptions {
  /** Words (or vectors) that pull the answer towards them (gensim `positive`). */
  readonly positive?: Query | readonly Query[];
  /** Words (or vectors) that push the answer away (gensim `negative`). */
  readonly negative?: Query | readonly Query[];
  /** Number of results (default 10, as gensim; 0 returns none). */
  readonly topn?: number;
  /** Search only the first N rows (gensim `restrict_vocab`; default: all rows). */
  readonly restrictVocab?: number;
}

function asList(value: Query | readonly Query[] | undefined): readonly Query[] {
  if (value === undefined) return [];
  return typeof value === 'string' || value instanceof Float32Array ? [value] : value;
}

function solve(vectors: WordVectors, options: MostSimilarOptions, method: AnalogyMethod): Neighbor[] {
  const topn = checkCount('topn', options.topn ?? 10);
  const rowCount = restrictedRows(vectors, options.restrictVocab);
  const positiveQueries = asList(options.positive);
  const negativeQueries = asList(options.negative);
  if (method === '3CosMul' && positiveQueries.length === 0) {
    throw new ConfigError('positive', positiveQueries, 'at least one word or vector for 3CosMul');
  }
  if (positiveQueries.length + negativeQueries.length === 0) {
    throw new ConfigError('positive', positiveQueries, 'at least one word or vector in positive or negative');
  }
  const terms = new TermSet(vectors);
  const exclude: number[] = [];
  const toTerm = (query: Query): number => {
    if (typeof query !== 'string') return terms.vector(query);
    const row = vectors.requireIndex(query);
    exclude.push(row);
    return terms.row(row);
  };
  const positive = positiveQueries.map(toTerm);
  const negative = negativeQueries.map(toTerm);
  if (topn === 0) return [];
  return searchTerms(vectors, terms, [{ positive, negative, exclude }], method, topn, rowCount)[0]!;
}

/**
 * gensim's `KeyedVectors.most_similar` (3CosAdd, Mikolov et al. 2013): ranks the keys by cosine
 * similarity to the normalised mean of the unit vectors of the positive words (weight +1) and
 * the negative words (weight -1); vectors given instead of words are used as they are. The
 * input words are never returned. `mostSimilar(v, { positive: ['king', 'woman'], negative:
 * ['man'] })` solves king - man + woman.
 * @throws KeyNotFoundError naming the first input word that is not a key
 * @throws ConfigError when no word is given, or `topn`/`restrictVocab` are invalid
 */
export function mostSimilar(vectors: WordVectors, options: MostSimilarOptions): Neighbor[] {
  return solve(vectors, options, '3CosAdd');
}

/**
 * gensim's `KeyedVectors.most_similar_cosmul` (3CosMul, Levy & Goldberg 2014, eq. 4): ranks
 * the keys by the product of `(1 + cos) / 2` to each positive word divided by the product of
 * `(1 + cos) / 2` to each negative word plus 1e-6 (with no negative word the divisor is
 * 1 + 1e-6). The input words are never returned. Unlike gensim 4.2, which ignores it here,
 * `restrictVocab` is honoured.
 * @throws KeyNotFoundError naming the first input word that is not a key
 * @throws ConfigError when no positive word is given, or `topn`/`restrictVocab` are invalid
 */
export function mostSimilarCosmul(vectors: WordVectors, options: MostSimilarOptions): Neighbor[] {
  return solve(vectors, options, '3CosMul');
}
