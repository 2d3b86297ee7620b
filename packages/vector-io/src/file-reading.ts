/**
 * Chunked reading of a vector file (from disk, or a `Blob` in a browser): only one chunk (plus the
 * unfinished record it ends with) is in memory at a time.
 */
import { throwIfAborted } from '@embedkit/core-math';
import { countLineBreaks } from './line-count.js';
import { NEWLINE } from './text-line.js';
import type { VectorParser } from './vector-parser.js';

/** A file opened for reading, with its size. */
export interface ReadableFile {
  readonly path: string;
  readonly size: number;
  /** Reads up to `length` bytes at `position` into `buffer[offset…]`; returns how many were read (0 at the end). */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/** The first `maxBytes` of the file (fewer when it is shorter); `complete` when that is all of it. */
export async function readPrefix(
  file: ReadableFile,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const buffer = new Uint8Array(maxBytes);
  let filled = 0;
  while (filled < maxBytes) {
    const read = await file.read(buffer, filled, maxBytes - filled, filled);
    if (read === 0) return { bytes: buffer.subarray(0, filled), complete: true };
    filled += read;
  }
  return { bytes: buffer, complete: filled >= file.size };
}

/** The file's number of lines (a last line without `\n` counts), capped at `limit`. */
export async function countFileLines(
  file: ReadableFile,
  limit: number,
  chunkSize: number,
  signal: AbortSignal | undefined,
): Promise<number> {
  const buffer = new Uint8Array(chunkSize);
  let breaks = 0;
  let position = 0;
  let lastByte = NEWLINE;
  for (;;) {
    throwIfAborted(signal, `reading ${file.path}`);
    const read = await file.read(buffer, 0, chunkSize, position);
    if (read === 0 || breaks >= limit) return Math.min(breaks + (lastByte === NEWLINE ? 0 : 1), limit);
    breaks = countLineBreaks(buffer.subarray(0, read), breaks, limit);
    lastByte = buffer[read - 1]!;
    position += read;
  }
}

/**
 * Feeds the whole file to `parser` chunk by chunk, reading the next chunk from disk while the
 * current one is parsed. Memory holds two chunks plus the record the last chunk ended in the
 * middle of (the work buffer grows only for a record longer than a chunk).
 */
export async function streamInto(
  file: ReadableFile,
  parser: VectorParser,
  chunkSize: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  let chunk = new Uint8Array(chunkSize);
  let spare = new Uint8Array(chunkSize);
  let work = new Uint8Array(2 * chunkSize);
  let filled = 0;
  let position = 0;
  let next = file.read(chunk, 0, chunkSize, 0);
  let inFlight = true;
  try {
    for (;;) {
      const read = await next;
      inFlight = false;
      throwIfAborted(signal, `reading ${file.path}`);
      position += read;
      const atEnd = read === 0;
      const arrived = chunk;
      chunk = spare;
      spare = arrived;
      if (!atEnd) {
        next = file.read(chunk, 0, chunkSize, position);
        inFlight = true;
      }
      if (filled + read > work.length) {
        const larger = new Uint8Array(Math.max(2 * work.length, filled + read));
        larger.set(work.subarray(0, filled));
        work = larger;
      }
      work.set(arrived.subarray(0, read), filled);
      filled += read;
      const used = parser.consume(work.subarray(0, filled), atEnd);
      if (atEnd || parser.done) return;
      work.copyWithin(0, used, filled);
      filled -= used;
    }
  } finally {
    // Never leave a read in flight on a handle that is about to be closed.
    if (inFlight) await next.catch(() => 0);
  }
}
