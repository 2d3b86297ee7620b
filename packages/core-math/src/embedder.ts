/**
 * Anything that maps a token to a vector: loaded vectors, trained models, subword models.
 */
export interface Embedder {
  /** The vectors' dimension. */
  readonly dim: number;
  /** Number of keys in the vocabulary. */
  readonly size: number;
  /**
   * The token's vector, or `undefined` when the model cannot represent it. A subword model may
   * return a vector for a token it does not {@link Embedder.has}. The returned array may be a view
   * into the model's storage: do not modify it.
   */
  vector(token: string): Float32Array | undefined;
  /** Whether the token is in the vocabulary. */
  has(token: string): boolean;
  /** The vocabulary, in the model's order (for trained models: by descending frequency). */
  keys(): IterableIterator<string>;
}

/** Whether `value` has the shape of an {@link Embedder} (for checking what a plug-in returns). */
export function isEmbedder(value: unknown): value is Embedder {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Embedder>;
  return (
    typeof candidate.dim === 'number' &&
    typeof candidate.size === 'number' &&
    typeof candidate.vector === 'function' &&
    typeof candidate.has === 'function' &&
    typeof candidate.keys === 'function'
  );
}
