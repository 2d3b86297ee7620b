import type { Embedder } from './embedder.js';
import { ConfigError, DimensionMismatchError, KeyNotFoundError } from './errors.js';
import { norm, normalizeRows } from './vector-ops.js';

/**
 * A vocabulary of keys with one dense vector each: the result every trainer returns and every
 * reader loads. Keys are held in a `Map` (never a plain object), so words such as `__proto__`
 * or `constructor` are ordinary keys. Vectors live in one row-major `Float32Array` matrix of
 * `size x dim`; unit-normalised rows are computed lazily on first use and cached.
 */
export class WordVectors implements Embedder {
  /** The vectors' dimension. */
  readonly dim: number;
  /** Row-major `size x dim` matrix; row `i` is the vector of `keyAt(i)`. */
  readonly matrix: Float32Array;
  /** Optional frequency counts, aligned with the rows (for example from a trained vocabulary). */
  readonly counts: Float64Array | undefined;
  readonly #keys: readonly string[];
  readonly #index: Map<string, number>;
  #norms: Float32Array | undefined;
  #unit: Float32Array | undefined;

  /**
   * @param keys - the keys, one per row, all distinct
   * @param matrix - `keys.length * dim` floats, row-major (kept, not copied)
   * @param dim - the vectors' dimension (at least 1)
   * @param counts - optional frequency counts aligned with `keys`
   * @throws ConfigError when the sizes disagree or a key repeats
   */
  constructor(keys: readonly string[], matrix: Float32Array, dim: number, counts?: ArrayLike<number>) {
    if (!Number.isInteger(dim) || dim < 1) throw new ConfigError('dim', dim, 'an integer of at least 1');
    if (matrix.length !== keys.length * dim) {
      throw new DimensionMismatchError(keys.length * dim, matrix.length, 'matrix length');
    }
    if (counts !== undefined && counts.length !== keys.length) {
      throw new DimensionMismatchError(keys.length, counts.length, 'counts');
    }
    const index = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (index.has(key)) throw new ConfigError('keys', key, 'distinct keys (this one repeats)');
      index.set(key, i);
    }
    this.dim = dim;
    this.matrix = matrix;
    this.#keys = keys;
    this.#index = index;
    this.counts = counts === undefined ? undefined : Float64Array.from(counts);
  }

  /** Number of keys (rows). */
  get size(): number {
    return this.#keys.length;
  }

  /** Whether `token` is a key. */
  has(token: string): boolean {
    return this.#index.has(token);
  }

  /** The row of `token`, or `undefined` when it is not a key. */
  indexOf(token: string): number | undefined {
    return this.#index.get(token);
  }

  /** The row of `token`; throws {@link KeyNotFoundError} when it is not a key. */
  requireIndex(token: string): number {
    const row = this.#index.get(token);
    if (row === undefined) throw new KeyNotFoundError(token);
    return row;
  }

  /** The key of row `row`. */
  keyAt(row: number): string {
    const key = this.#keys[row];
    if (key === undefined) throw new RangeError(`row ${row} is outside 0..${this.#keys.length - 1}`);
    return key;
  }

  /** The keys in row order. */
  keys(): IterableIterator<string> {
    return this.#keys.values();
  }

  /** The keys as an array in row order (shared; do not modify). */
  keyList(): readonly string[] {
    return this.#keys;
  }

  /** A view of `token`'s vector (shares storage with {@link WordVectors.matrix}), or `undefined`. */
  vector(token: string): Float32Array | undefined {
    const row = this.#index.get(token);
    return row === undefined ? undefined : this.row(row);
  }

  /** A view of row `row`'s vector. */
  row(row: number): Float32Array {
    return this.matrix.subarray(row * this.dim, (row + 1) * this.dim);
  }

  /** Euclidean norms of all rows, computed once and cached. */
  norms(): Float32Array {
    if (this.#norms === undefined) {
      const { dim, matrix } = this;
      const norms = new Float32Array(this.size);
      for (let r = 0; r < norms.length; r++) norms[r] = norm(matrix, r * dim, dim);
      this.#norms = norms;
    }
    return this.#norms;
  }

  /**
   * All rows scaled to unit length, computed once and cached (a zero row stays zero, so its
   * cosine similarity with anything is 0, never NaN).
   */
  unitMatrix(): Float32Array {
    if (this.#unit === undefined) {
      const unit = this.matrix.slice();
      normalizeRows(unit, this.size, this.dim);
      this.#unit = unit;
    }
    return this.#unit;
  }

  /** A view of row `row` scaled to unit length. */
  unitRow(row: number): Float32Array {
    return this.unitMatrix().subarray(row * this.dim, (row + 1) * this.dim);
  }

  /**
   * Forgets the cached norms after the matrix was modified in place (for example by continued
   * training).
   */
  invalidateNorms(): void {
    this.#norms = undefined;
    this.#unit = undefined;
  }

  /** The first `limit` rows as new `WordVectors` (copying them), like gensim's `limit`. */
  head(limit: number): WordVectors {
    const n = Math.max(0, Math.min(limit, this.size));
    return new WordVectors(
      this.#keys.slice(0, n),
      this.matrix.slice(0, n * this.dim),
      this.dim,
      this.counts?.subarray(0, n),
    );
  }

  /**
   * Copies the vectors of `keys` out of any {@link Embedder} (keys it cannot represent are skipped).
   */
  static fromEmbedder(embedder: Embedder, keys: Iterable<string> = embedder.keys()): WordVectors {
    const kept: string[] = [];
    const rows: Float32Array[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) continue;
      const v = embedder.vector(key);
      if (v === undefined) continue;
      if (v.length !== embedder.dim)
        throw new DimensionMismatchError(embedder.dim, v.length, `vector of ${key}`);
      seen.add(key);
      kept.push(key);
      rows.push(v);
    }
    const matrix = new Float32Array(kept.length * embedder.dim);
    for (let i = 0; i < rows.length; i++) matrix.set(rows[i]!, i * embedder.dim);
    return new WordVectors(kept, matrix, embedder.dim);
  }
}
