import { ConfigError, DimensionMismatchError, type WordVectors } from '@embedkit/core-math';
import { allocateFloat32, releaseArray } from '@embedkit/core-math/kernels';
import { type BatchTopK, blockedTopK, cacheBlockRows } from './blocked-top-k.js';
import { type AnalogyMethod, type TermQuery, TermScorer } from './term-scorer.js';

/** One search result: a key, its row in the vectors, and its score (higher is more similar). */
export interface Neighbor {
  /** The key (word). */
  readonly key: string;
  /** The key's row in the searched `WordVectors`. */
  readonly index: number;
  /** The similarity score (cosine for k-NN and 3CosAdd, the 3CosMul objective for 3CosMul). */
  readonly score: number;
}

/**
 * Collects the distinct terms of a batch of queries: the unit vector of a word is stored once
 * however many queries use it; a raw vector is stored as given.
 */
export class TermSet {
  readonly #vectors: WordVectors;
  readonly #ids = new Map<number, number>();
  readonly #parts: Float32Array[] = [];

  constructor(vectors: WordVectors) {
    this.#vectors = vectors;
  }

  /** Number of distinct terms so far. */
  get size(): number {
    return this.#parts.length;
  }

  /** The id of the unit vector of row `row`. */
  row(row: number): number {
    let id = this.#ids.get(row);
    if (id === undefined) {
      id = this.#parts.length;
      this.#parts.push(this.#vectors.unitRow(row));
      this.#ids.set(row, id);
    }
    return id;
  }

  /** The id of a raw query vector. */
  vector(vector: Float32Array): number {
    if (vector.length !== this.#vectors.dim) {
      throw new DimensionMismatchError(this.#vectors.dim, vector.length, 'query vector');
    }
    this.#parts.push(vector);
    return this.#parts.length - 1;
  }

  /** The terms as one `size x dim` matrix in the kernel memory (give it back with `releaseArray`). */
  matrix(): Float32Array {
    const dim = this.#vectors.dim;
    const matrix = allocateFloat32(this.#parts.length * dim);
    this.#parts.forEach((part, id) => {
      matrix.set(part, id * dim);
    });
    return matrix;
  }
}

/** Term x row products held at once (16 MiB): sets how many rows a block spans. */
const PRODUCT_FLOATS = 1 << 22;

/**
 * The `k` best rows among the first `rowCount` for every query (best first, ties by lower row),
 * all queries together, block by block over the rows. A `k` above `rowCount` asks for every row.
 */
export function searchTerms(
  vectors: WordVectors,
  terms: TermSet,
  queries: readonly TermQuery[],
  method: AnalogyMethod,
  k: number,
  rowCount: number,
  signal?: AbortSignal,
): Neighbor[][] {
  if (queries.length === 0 || k === 0 || rowCount === 0) return queries.map(() => []);
  // Never more results than rows: the result buffers are sized by k.
  const count = Math.min(k, rowCount);
  const blockRows = Math.min(
    rowCount,
    Math.max(cacheBlockRows(vectors.dim), Math.floor(PRODUCT_FLOATS / terms.size)),
  );
  const termMatrix = terms.matrix();
  let best: BatchTopK;
  try {
    const scorer = new TermScorer(vectors, termMatrix, queries, method, blockRows);
    try {
      best = blockedTopK(scorer, rowCount, count, blockRows, signal);
    } finally {
      scorer.release();
    }
  } finally {
    releaseArray(termMatrix);
  }
  return queries.map((_, q) => {
    const neighbors: Neighbor[] = [];
    for (let i = q * count; i < q * count + best.counts[q]!; i++) {
      const index = best.indices[i]!;
      neighbors.push({ key: vectors.keyAt(index), index, score: best.scores[i]! });
    }
    return neighbors;
  });
}

/** The number of rows a `restrictVocab` option leaves searchable (all rows when undefined). */
export function restrictedRows(vectors: WordVectors, restrictVocab: number | undefined): number {
  if (restrictVocab === undefined) return vectors.size;
  if (!Number.isInteger(restrictVocab) || restrictVocab < 1) {
    throw new ConfigError(
      'restrictVocab',
      restrictVocab,
      'a positive integer (the number of leading rows to search)',
    );
  }
  return Math.min(restrictVocab, vectors.size);
}

/** Validates a result count option (`k`, `topn`): a non-negative integer. */
export function checkCount(option: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(option, value, 'a non-negative integer');
  return value;
}
