import type { WordVectors } from '@embedkit/core-math';
import type { WordDecoder } from './word-decoding.js';

/**
 * An incremental reader of one vector file. It is fed the file front to back: each call sees the
 * bytes it left unconsumed last time followed by new ones, so a large file is parsed chunk by
 * chunk while its values go straight into the final matrix.
 */
export interface VectorParser {
  /**
   * Parses the complete records at the start of `bytes` and returns how many bytes it consumed.
   * When `atEnd` is true, `bytes` ends where the file ends and a last record without a trailing
   * line break is complete.
   */
  consume(bytes: Uint8Array, atEnd: boolean): number;
  /** True once the parser needs no more input (it has read the declared count, or `limit`). */
  readonly done: boolean;
  /** The vectors read; throws `FormatError` when the file ended before the declared count. */
  finish(): WordVectors;
}

/** What every parser is told about its input. */
export interface ParserInput {
  /** The file's name for error messages. */
  file: string;
  /** The whole file's size in bytes: header counts are checked against it before allocating. */
  totalBytes: number;
  /** Read at most this many vectors (duplicates included, as gensim counts them). */
  limit: number;
  /** Turns the bytes of each word into a string (its encoding and `unicodeErrors` policy). */
  decoder: WordDecoder;
}
