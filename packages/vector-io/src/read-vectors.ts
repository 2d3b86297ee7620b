import { ConfigError, type WordVectors } from '@embedkit/core-math';
import { createParser, needsLineCount } from './create-parser.js';
import { sniffFile } from './detect-format.js';
import { countFileLines, streamInto } from './file-reading.js';
import { requireFormatOrAuto, requireLimit, type VectorFormat } from './vector-format.js';
import { openVectorSource, type VectorSource } from './vector-source.js';
import { createWordDecoder, type TextEncodingOptions } from './word-decoding.js';

/** Options of {@link readVectors}. */
export interface ReadVectorsOptions extends TextEncodingOptions {
  /** The file's format; `'auto'` (the default) detects it with {@link detectFormat}. */
  format?: VectorFormat | 'auto';
  /** Read only the first `limit` vectors (duplicates count, as in gensim's `limit`; default: all). */
  limit?: number;
  /** Cancels the read (checked between chunks); the promise then rejects with `CancelledError`. */
  signal?: AbortSignal;
  /** Bytes read from disk at a time (default 1 MiB, at least 64). */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 1 << 20;

function requireChunkSize(value: unknown): number {
  if (value === undefined) return DEFAULT_CHUNK;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 64 || value > 2 ** 30) {
    throw new ConfigError('chunkSize', value, 'an integer from 64 to 2^30 bytes');
  }
  return value;
}

/**
 * Reads a vector file (word2vec text or binary, GloVe, fastText `.vec`) from disk, or in a browser
 * from a `Blob` / `File` or a `ReadableStream` (see {@link VectorSource}). The file is streamed in chunks and parsed byte by byte straight into one `Float32Array`: memory holds the
 * vectors and one chunk, never the file's text.
 *
 * Words are UTF-8 unless `encoding` names another encoding; bytes invalid in it are refused unless
 * `unicodeErrors` says otherwise (gensim's `encoding` and `unicode_errors`).
 *
 * @throws FormatError when the file does not hold a valid file of the format (naming the file, the
 *   line or byte offset, and what was expected there)
 * @throws IoError when the file cannot be read (ConfigError for a path in a browser); CancelledError when `signal` aborts;
 *   ConfigError for an invalid option
 */
export async function readVectors(
  source: VectorSource,
  options: ReadVectorsOptions = {},
): Promise<WordVectors> {
  const limit = requireLimit(options.limit);
  const requested = requireFormatOrAuto(options.format);
  const chunkSize = requireChunkSize(options.chunkSize);
  const decoder = createWordDecoder(options);
  const { signal } = options;
  const file = await openVectorSource(source);
  try {
    const format = requested === 'auto' ? await sniffFile(file) : requested;
    const maxLines = needsLineCount(format) ? await countFileLines(file, limit, chunkSize, signal) : 0;
    const parser = createParser(format, { file: file.path, totalBytes: file.size, limit, decoder }, maxLines);
    await streamInto(file, parser, chunkSize, signal);
    return parser.finish();
  } finally {
    await file.close();
  }
}
