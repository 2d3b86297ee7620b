import type { WordVectors } from '@embedkit/core-math';
import { createParser, needsLineCount } from './create-parser.js';
import { countLines } from './line-count.js';
import { sniffFormat } from './sniff-format.js';
import { requireFormatOrAuto, requireLimit, type VectorFormat } from './vector-format.js';
import { createWordDecoder, type TextEncodingOptions } from './word-decoding.js';

/** Options of {@link parseVectors}. */
export interface ParseVectorsOptions extends TextEncodingOptions {
  /** The bytes' format; `'auto'` (the default) detects it with {@link detectFormat}. */
  format?: VectorFormat | 'auto';
  /** Read only the first `limit` vectors (duplicates count, as in gensim's `limit`; default: all). */
  limit?: number;
  /** A name for the bytes in error messages (default `<buffer>`). */
  file?: string;
}

/**
 * Reads vectors from the bytes of a vector file held in memory (see {@link readVectors} for files
 * on disk, which it streams).
 *
 * @throws FormatError when the bytes do not hold a valid file of the format (with the line or byte
 *   offset and what was expected there)
 * @throws ConfigError for an invalid option
 */
export function parseVectors(bytes: Uint8Array, options: ParseVectorsOptions = {}): WordVectors {
  const file = options.file ?? '<buffer>';
  const limit = requireLimit(options.limit);
  const requested = requireFormatOrAuto(options.format);
  const decoder = createWordDecoder(options);
  const format = requested === 'auto' ? sniffFormat(bytes, true, file)! : requested;
  const maxLines = needsLineCount(format) ? countLines(bytes, limit) : 0;
  const parser = createParser(format, { file, totalBytes: bytes.length, limit, decoder }, maxLines);
  parser.consume(bytes, true);
  return parser.finish();
}
