import { solveTransport, type WordVectors } from '@embedkit/core-math';

/** Options of {@link wmDistance} and {@link relaxedWmDistance}. */
export interface WmdOptions {
  /** Scale every word vector to unit length first (default `true`, gensim's `norm=True`). */
  readonly normalize?: boolean;
}

/**
 * A document as WMD sees it: its distinct known words (first occurrence order) and their
 * normalised bag-of-words weights (count / number of known tokens).
 */
export interface WordBag {
  readonly rows: Int32Array;
  readonly weights: Float64Array;
}

/** The bag of known words of `tokens`; unknown tokens are dropped, as gensim's `wmdistance` does. */
export function wordBag(vectors: WordVectors, tokens: readonly string[]): WordBag {
  const counts = new Map<number, number>();
  let known = 0;
  for (const token of tokens) {
    const row = vectors.indexOf(token);
    if (row === undefined) continue;
    counts.set(row, (counts.get(row) ?? 0) + 1);
    known++;
  }
  return {
    rows: Int32Array.from(counts.keys()),
    weights: Float64Array.from(counts.values(), (count) => count / known),
  };
}

/** The Euclidean distance of every word of `a` (rows) to every word of `b` (columns). */
export function bagCosts(vectors: WordVectors, a: WordBag, b: WordBag, normalize: boolean): Float64Array {
  const dim = vectors.dim;
  const matrix = normalize ? vectors.unitMatrix() : vectors.matrix;
  const costs = new Float64Array(a.rows.length * b.rows.length);
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i]! * dim;
    for (let j = 0; j < b.rows.length; j++) {
      const y = b.rows[j]! * dim;
      let sum = 0;
      for (let d = 0; d < dim; d++) {
        const diff = matrix[x + d]! - matrix[y + d]!;
        sum += diff * diff;
      }
      costs[i * b.rows.length + j] = Math.sqrt(sum);
    }
  }
  return costs;
}

/** WMD between two bags (Infinity when one is empty). */
export function bagDistance(a: WordBag, b: WordBag, costs: Float64Array): number {
  if (a.rows.length === 0 || b.rows.length === 0) return Number.POSITIVE_INFINITY;
  return solveTransport(a.weights, b.weights, costs).cost;
}

/** RWMD between two bags (Infinity when one is empty): the larger of the two one-sided relaxations. */
export function bagRelaxedDistance(a: WordBag, b: WordBag, costs: Float64Array): number {
  const n = a.rows.length;
  const m = b.rows.length;
  if (n === 0 || m === 0) return Number.POSITIVE_INFINITY;
  const nearestInB = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const nearestInA = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const cost = costs[i * m + j]!;
      if (cost < nearestInB[i]!) nearestInB[i] = cost;
      if (cost < nearestInA[j]!) nearestInA[j] = cost;
    }
  }
  let fromA = 0;
  for (let i = 0; i < n; i++) fromA += a.weights[i]! * nearestInB[i]!;
  let fromB = 0;
  for (let j = 0; j < m; j++) fromB += b.weights[j]! * nearestInA[j]!;
  return Math.max(fromA, fromB);
}

/** Bags two documents, computes their cost matrix and applies `measure` to them. */
function compareDocuments(
  vectors: WordVectors,
  document1: readonly string[],
  document2: readonly string[],
  options: WmdOptions,
  measure: (a: WordBag, b: WordBag, costs: Float64Array) => number,
): number {
  const a = wordBag(vectors, document1);
  const b = wordBag(vectors, document2);
  return measure(a, b, bagCosts(vectors, a, b, options.normalize ?? true));
}

/**
 * gensim's `KeyedVectors.wmdistance(document1, document2, norm)`: the Word Mover's Distance
 * (Kusner et al., *From Word Embeddings To Document Distances*, ICML 2015) — the least total
 * Euclidean distance over which the normalised bag of words of one document must travel to
 * become the other's, solved exactly by core-math's `solveTransport`.
 *
 * Tokens that are not keys are dropped first (gensim does the same). When either document has no
 * known token left the distance is `Infinity`, as in gensim; two documents made of the same single
 * word are at distance 0. (gensim also returns `Infinity` when every word pair is at distance
 * 0 — a guard for its solver; the exact answer, 0, is returned here.)
 */
export function wmDistance(
  vectors: WordVectors,
  document1: readonly string[],
  document2: readonly string[],
  options: WmdOptions = {},
): number {
  return compareDocuments(vectors, document1, document2, options, bagDistance);
}

/**
 * The relaxed Word Mover's Distance (RWMD, Kusner et al. 2015, section 4): each side's words move
 * to the nearest word of the other document, without the other side's capacities; the larger of
 * the two one-sided costs. A lower bound of {@link wmDistance} (same tokens, same options) that
 * costs one pass over the distance matrix instead of a transport problem. `Infinity` when a
 * document has no known token.
 */
export function relaxedWmDistance(
  vectors: WordVectors,
  document1: readonly string[],
  document2: readonly string[],
  options: WmdOptions = {},
): number {
  return compareDocuments(vectors, document1, document2, options, bagRelaxedDistance);
}
