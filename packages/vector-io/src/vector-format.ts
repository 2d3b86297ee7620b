import { ConfigError } from '@embedkit/core-math';

/**
 * The vector file formats embedkit reads and writes:
 * - `word2vec-text`: a `V D` header line, then `word v1 … vD` per line (the C tool's `-binary 0`,
 *   gensim's `save_word2vec_format(binary=False)`);
 * - `word2vec-binary`: the same header, then `word ` + D little-endian float32 (+ an optional `\n`)
 *   per vector (the C tool's `-binary 1`, gensim's `binary=True`);
 * - `glove`: lines `word v1 … vD` without a header (Stanford GloVe's `vectors.txt`);
 * - `fasttext-vec`: fastText's `.vec`, which is word2vec text.
 */
export type VectorFormat = 'word2vec-text' | 'word2vec-binary' | 'glove' | 'fasttext-vec';

/** Every {@link VectorFormat}, in a stable order. */
export const VECTOR_FORMATS: readonly VectorFormat[] = [
  'word2vec-text',
  'word2vec-binary',
  'glove',
  'fasttext-vec',
];

/** Whether `value` names a {@link VectorFormat}. */
export function isVectorFormat(value: unknown): value is VectorFormat {
  return (VECTOR_FORMATS as readonly unknown[]).includes(value);
}

const FORMAT_LIST = VECTOR_FORMATS.map((f) => `'${f}'`).join(', ');

/** Validates a `format` option that must name a concrete format. */
export function requireFormat(value: unknown): VectorFormat {
  if (!isVectorFormat(value)) throw new ConfigError('format', value, `one of ${FORMAT_LIST}`);
  return value;
}

/** Validates a `format` option that may also be `'auto'` (the default). */
export function requireFormatOrAuto(value: unknown): VectorFormat | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!isVectorFormat(value)) throw new ConfigError('format', value, `'auto' or one of ${FORMAT_LIST}`);
  return value;
}

/** Validates the `limit` option: undefined (read every vector) or a positive integer. */
export function requireLimit(value: unknown): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError('limit', value, 'a positive integer (omit it to read every vector)');
  }
  return value;
}
