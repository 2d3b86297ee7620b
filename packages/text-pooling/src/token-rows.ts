import { DimensionMismatchError, type Embedder, KeyNotFoundError, WordVectors } from '@embedkit/core-math';

/**
 * What to do with a token the embedder's vocabulary does not hold (`!embedder.has(token)`):
 * `skip` it, use the vector the embedder can still make for it (`subword`, e.g. fastText's
 * character n-grams; skipped when the embedder returns `undefined`), or throw
 * `KeyNotFoundError` (`error`).
 */
export type OovPolicy = 'skip' | 'subword' | 'error';

/**
 * The vectors of one text's tokens as `(array, offset)` pairs, kept in buffers that are reused
 * from text to text so pooling allocates nothing per word.
 */
export class TokenRows {
  /** Number of tokens that have a vector. */
  count = 0;
  /** `sources[i]` holds the vector of the i-th used token, starting at `offsets[i]`. */
  readonly sources: Float32Array[] = [];
  /** See {@link TokenRows.sources}. */
  readonly offsets: number[] = [];
  /** The used tokens, in text order. */
  readonly tokens: string[] = [];

  /** Forgets the previous text's tokens. */
  clear(): void {
    this.count = 0;
  }

  /** Appends one used token. */
  push(token: string, source: Float32Array, offset: number): void {
    const i = this.count++;
    this.sources[i] = source;
    this.offsets[i] = offset;
    this.tokens[i] = token;
  }
}

/**
 * Looks up the vectors of `tokens` in `embedder` under the `oov` policy and stores them in `rows`
 * (cleared first). Tokens left out are appended to `skipped` when it is given. Rows of a
 * `WordVectors` are read straight from its matrix, without a view per word.
 *
 * @throws KeyNotFoundError for a token outside the vocabulary when `oov` is `error`
 * @throws DimensionMismatchError when the embedder returns a vector of the wrong length
 */
export function lookUpTokens(
  embedder: Embedder,
  tokens: readonly string[],
  oov: OovPolicy,
  rows: TokenRows,
  skipped?: string[],
): void {
  rows.clear();
  const { dim } = embedder;
  if (embedder instanceof WordVectors) {
    for (const token of tokens) {
      const row = embedder.indexOf(token);
      if (row !== undefined) rows.push(token, embedder.matrix, row * dim);
      else if (oov === 'error') throw new KeyNotFoundError(token);
      else skipped?.push(token);
    }
    return;
  }
  for (const token of tokens) {
    const known = embedder.has(token);
    if (!known && oov === 'error') throw new KeyNotFoundError(token);
    const vector = known || oov === 'subword' ? embedder.vector(token) : undefined;
    if (vector === undefined) {
      skipped?.push(token);
      continue;
    }
    if (vector.length !== dim)
      throw new DimensionMismatchError(dim, vector.length, `vector of ${JSON.stringify(token)}`);
    rows.push(token, vector, 0);
  }
}
