import type { WordVectors } from '@embedkit/core-math';
import type { TermQuery } from './term-scorer.js';
import { checkCount, type Neighbor, restrictedRows, searchTerms, TermSet } from './term-search.js';

/** A k-NN query: a key of the vectors, or a vector of their dimension. */
export type Query = string | Float32Array;

/** Options of {@link ExactIndex.nearest} and {@link ExactIndex.nearestBatch}. */
export interface NearestOptions {
  /** Number of neighbours to return per query (default 10). */
  readonly k?: number;
  /** Keys never returned (keys absent from the vectors are ignored). */
  readonly exclude?: Iterable<string>;
  /** Search only the first N rows, like gensim's `restrict_vocab` (default: all rows). */
  readonly restrictVocab?: number;
  /** Stops a long batch between blocks with a `CancelledError`. */
  readonly signal?: AbortSignal;
}

/** Queries scored together: bounds the per-block product buffer (queries x block rows). */
const QUERY_BLOCK = 512;

/**
 * Exact nearest-neighbour search by cosine similarity over a `WordVectors`' unit-normalised
 * matrix. A word query returns its neighbours without the word itself, as gensim's
 * `most_similar(word)` does; a zero vector scores 0 against everything (never NaN). Batches are
 * computed as blocked matrix products (a block of queries against a block of rows), not as one
 * scan per query.
 */
export class ExactIndex {
  /** The indexed vectors. Call `vectors.invalidateNorms()` after modifying them in place. */
  readonly vectors: WordVectors;

  /** An index over `vectors` (nothing is copied; the unit-normalised matrix is computed on first use). */
  constructor(vectors: WordVectors) {
    this.vectors = vectors;
  }

  /**
   * The `k` keys most similar to `query`, best first (ties: lower row first).
   * @throws KeyNotFoundError when a word query is not a key
   * @throws DimensionMismatchError when a vector query has the wrong dimension
   */
  nearest(query: Query, options: NearestOptions = {}): Neighbor[] {
    return this.nearestBatch([query], options)[0]!;
  }

  /** {@link ExactIndex.nearest} for many queries at once, computed block by block. */
  nearestBatch(queries: readonly Query[], options: NearestOptions = {}): Neighbor[][] {
    const { vectors } = this;
    const k = checkCount('k', options.k ?? 10);
    const rowCount = restrictedRows(vectors, options.restrictVocab);
    const excluded: number[] = [];
    for (const key of options.exclude ?? []) {
      const row = vectors.indexOf(key);
      if (row !== undefined) excluded.push(row);
    }
    const results: Neighbor[][] = [];
    for (let start = 0; start < queries.length; start += QUERY_BLOCK) {
      const terms = new TermSet(vectors);
      const block: TermQuery[] = queries.slice(start, start + QUERY_BLOCK).map((query) => {
        if (typeof query !== 'string')
          return { positive: [terms.vector(query)], negative: [], exclude: excluded };
        const row = vectors.requireIndex(query);
        return { positive: [terms.row(row)], negative: [], exclude: [...excluded, row] };
      });
      results.push(...searchTerms(vectors, terms, block, '3CosAdd', k, rowCount, options.signal));
    }
    return results;
  }
}
