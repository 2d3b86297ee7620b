import type { WordVectors } from '@embedkit/core-math';
import { encodeVectors } from './encode-vectors.js';
import { requireFormat, type VectorFormat } from './vector-format.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options of {@link writeVectors}. */
export interface WriteVectorsOptions {
  /** The format to write. */
  format: VectorFormat;
  /** Cancels the write (checked between chunks); the existing file, if any, stays as it was. */
  signal?: AbortSignal;
}

/**
 * Writes `vectors` to `path` in `options.format` (see {@link serializeVectors} for what the bytes
 * hold). The file is written to a temporary file in the same directory, flushed to disk and then
 * renamed over `path`, so a failed or cancelled write never damages an existing file.
 *
 * @throws IoError when the file cannot be written; ConfigError for an unknown format or a word
 *   the format cannot hold; NumericError for a NaN or infinite value; CancelledError when `signal`
 *   aborts
 */
export async function writeVectors(
  path: string,
  vectors: WordVectors,
  options: WriteVectorsOptions,
): Promise<void> {
  const format = requireFormat(options?.format);
  await writeFileAtomic(
    path,
    encodeVectors(vectors, format),
    options?.signal ? { signal: options.signal } : {},
  );
}
