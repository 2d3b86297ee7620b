import type { WordVectors } from '@embedkit/core-math';
import { checkCount } from './term-search.js';
import {
  bagCosts,
  bagDistance,
  bagRelaxedDistance,
  type WmdOptions,
  type WordBag,
  wordBag,
} from './word-movers-distance.js';

/** One document found by {@link WmdIndex.nearest}. */
export interface WmdMatch {
  /** The document's position in the indexed list. */
  readonly index: number;
  /** Its Word Mover's Distance to the query. */
  readonly distance: number;
}

/** What {@link WmdIndex.nearest} returns. */
export interface WmdSearchResult {
  /** The nearest documents, by increasing distance (ties: lower index first). */
  readonly matches: WmdMatch[];
  /** How many exact WMDs were solved; the others were pruned by their RWMD lower bound. */
  readonly exactDistances: number;
}

/**
 * k-nearest-documents search by Word Mover's Distance with RWMD pruning (Kusner et al. 2015,
 * section 4, "prefetch and prune"): the relaxed distance, a lower bound, is computed to every
 * document; documents are then visited by increasing bound and the exact WMD is solved only while
 * the bound is below the k-th best exact distance found so far. The result is the same as solving
 * every WMD. Documents without a known word are never returned.
 */
export class WmdIndex {
  readonly #vectors: WordVectors;
  readonly #bags: WordBag[];
  readonly #normalize: boolean;

  /**
   * @param vectors - the word vectors
   * @param documents - the documents, as token lists (tokens that are not keys are dropped)
   * @param options - `normalize` (default `true`): unit-length word vectors, as gensim
   */
  constructor(vectors: WordVectors, documents: readonly (readonly string[])[], options: WmdOptions = {}) {
    this.#vectors = vectors;
    this.#bags = documents.map((tokens) => wordBag(vectors, tokens));
    this.#normalize = options.normalize ?? true;
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.#bags.length;
  }

  /**
   * The `k` documents nearest to `query` by WMD (fewer when fewer documents share a known word
   * with the vocabulary; none when the query has no known word).
   * @throws ConfigError when `k` is not a non-negative integer
   */
  nearest(query: readonly string[], k = 10): WmdSearchResult {
    checkCount('k', k);
    const q = wordBag(this.#vectors, query);
    const candidates = this.#bags
      .map((bag, index) => ({
        index,
        bag,
        bound: bagRelaxedDistance(q, bag, bagCosts(this.#vectors, q, bag, this.#normalize)),
      }))
      .filter((c) => Number.isFinite(c.bound))
      .sort((a, b) => a.bound - b.bound || a.index - b.index);
    const matches: WmdMatch[] = [];
    let exactDistances = 0;
    for (const { index, bag, bound } of candidates) {
      if (matches.length === k && (k === 0 || bound > matches[k - 1]!.distance)) break;
      const distance = bagDistance(q, bag, bagCosts(this.#vectors, q, bag, this.#normalize));
      exactDistances++;
      matches.push({ index, distance });
      matches.sort((a, b) => a.distance - b.distance || a.index - b.index);
      if (matches.length > k) matches.pop();
    }
    return { matches, exactDistances };
  }
}
