/**
 * The `V D` header line of word2vec text and binary files: the number of vectors and their
 * dimension, two unsigned decimal integers separated by whitespace.
 */
import { type FileLocation, FormatError } from '@embedkit/core-math';
import { describeBytes } from './describe-bytes.js';

/** A parsed header. */
export interface VectorHeader {
  /** Number of vectors the file declares. */
  count: number;
  /** Their dimension (at least 1). */
  dim: number;
}

/** The longest header line accepted (two 15-digit numbers and some whitespace fit easily). */
export const MAX_HEADER_BYTES = 64;

const HEADER = /^[ \t]*(\d{1,15})[ \t]+(\d{1,15})[ \t]*$/;

/** What a header line must look like, for error messages. */
export const HEADER_EXPECTED = 'a header line "V D" (the number of vectors and their dimension)';

/** Reads `bytes[start, end)` as a header, or returns `undefined` when it is not one. */
export function readHeader(bytes: Uint8Array, start: number, end: number): VectorHeader | undefined {
  if (end - start > MAX_HEADER_BYTES) return undefined;
  const match = HEADER.exec(
    String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]),
  );
  if (match === null) return undefined;
  return { count: Number(match[1]), dim: Number(match[2]) };
}

/** Reads a header and checks it, throwing {@link FormatError} at `location`. */
export function requireHeader(
  bytes: Uint8Array,
  start: number,
  end: number,
  location: FileLocation,
): VectorHeader {
  const header = readHeader(bytes, start, end);
  if (header === undefined) {
    throw new FormatError(
      location,
      HEADER_EXPECTED,
      start === end ? 'an empty line' : describeBytes(bytes, start, end),
    );
  }
  if (header.dim < 1)
    throw new FormatError(location, 'a dimension of at least 1 in the header', String(header.dim));
  return header;
}

/**
 * Rejects a header whose vectors cannot fit in the bytes after it, before anything is allocated:
 * each of the `entries` vectors to read needs at least `minEntryBytes`.
 */
export function checkHeaderAgainstSize(
  header: VectorHeader,
  entries: number,
  minEntryBytes: number,
  bytesAfterHeader: number,
  location: FileLocation,
): void {
  const needed = entries * minEntryBytes;
  if (needed > bytesAfterHeader) {
    throw new FormatError(
      location,
      `at least ${needed} bytes after the header for ${entries} of the ${header.count} vectors of dimension ${header.dim} it declares`,
      `${bytesAfterHeader} bytes (the file is truncated or the header is wrong)`,
    );
  }
}
