import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IoError, throwIfAborted, type WordVectors } from '@embedkit/core-math';
import { encodeVectors } from './encode-vectors.js';
import { requireFormat, type VectorFormat } from './vector-format.js';

/** Options of {@link writeVectors}. */
export interface WriteVectorsOptions {
  /** The format to write. */
  format: VectorFormat;
  /** Cancels the write (checked between chunks); the existing file, if any, stays as it was. */
  signal?: AbortSignal;
}

async function attempt<T>(path: string, action: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new IoError(path, `cannot ${action}: ${detail}`, cause);
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
  }
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
  const signal = options?.signal;
  throwIfAborted(signal, `writing ${path}`);
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await attempt(path, `create a temporary file in ${dirname(path)}`, () =>
    open(temporary, 'wx'),
  );
  let handleOpen = true;
  try {
    for (const chunk of encodeVectors(vectors, format)) {
      throwIfAborted(signal, `writing ${path}`);
      await attempt(path, 'write', () => writeAll(handle, chunk));
    }
    await attempt(path, 'flush', () => handle.sync());
    handleOpen = false;
    await attempt(path, 'close', () => handle.close());
    await attempt(path, 'replace the file', () => rename(temporary, path));
  } catch (error) {
    if (handleOpen) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
