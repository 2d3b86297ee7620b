import type { WordVectors } from '@embedkit/core-math';
import { encodeVectors } from './encode-vectors.js';
import { requireFormat, type VectorFormat } from './vector-format.js';

/**
 * The bytes of a vector file of `vectors` in `format` (see {@link writeVectors} to write a file,
 * which streams instead of building the bytes in memory). Text formats hold the shortest decimal
 * that reads back as the same float32, written as numpy (and so gensim) writes it; binary holds
 * the exact float32 bits, with a `\n` after each vector as the word2vec C tool writes.
 *
 * @throws ConfigError for an unknown format or a word the format cannot hold (empty, or with a
 *   space or line break); NumericError for a NaN or infinite value
 */
export function serializeVectors(vectors: WordVectors, format: VectorFormat): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (const chunk of encodeVectors(vectors, requireFormat(format))) {
    chunks.push(chunk.slice());
    total += chunk.length;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
