import { IoError, WordVectors } from '@embedkit/core-math';

/**
 * Collects parsed vectors straight into their final matrix. Readers write a row's values at
 * {@link VectorTable.nextOffset}, then {@link VectorTable.commit} its word. A word seen before keeps
 * its first vector and the row is reused, as gensim's `_add_word_to_kv` does ("duplicate word …,
 * ignoring all but first").
 */
export class VectorTable {
  readonly dim: number;
  readonly matrix: Float32Array;
  readonly #keys: string[] = [];
  readonly #seen = new Set<string>();
  /** Entries committed so far, duplicates included (what `limit` and a header's count refer to). */
  entries = 0;

  /**
   * @param capacity - the most rows that can be committed (a header's count, capped by `limit`)
   * @param file - named in the error when the matrix cannot be allocated
   */
  constructor(dim: number, capacity: number, file: string) {
    this.dim = dim;
    try {
      this.matrix = new Float32Array(capacity * dim);
    } catch (cause) {
      throw new IoError(
        file,
        `cannot allocate ${capacity} x ${dim} floats; read fewer vectors with the limit option`,
        cause,
      );
    }
  }

  /** Where the next row's values go in {@link VectorTable.matrix}. */
  get nextOffset(): number {
    return this.#keys.length * this.dim;
  }

  /** Keeps the row just written for `word`; returns false when `word` was seen before (row dropped). */
  commit(word: string): boolean {
    this.entries++;
    if (this.#seen.has(word)) return false;
    this.#seen.add(word);
    this.#keys.push(word);
    return true;
  }

  /** The collected vectors (the matrix is trimmed when fewer rows than the capacity were kept). */
  finish(): WordVectors {
    const used = this.#keys.length * this.dim;
    const matrix = used === this.matrix.length ? this.matrix : this.matrix.slice(0, used);
    return new WordVectors(this.#keys, matrix, this.dim);
  }
}
