import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IoError, throwIfAborted } from '@embedkit/core-math';

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
 * Writes `chunks` to `path` safely: into a temporary file in the same directory, flushed to disk,
 * then renamed over `path`. A failed or cancelled write leaves an existing file as it was and no
 * temporary file behind. Each chunk is written before the next is requested, so a generator may
 * reuse one buffer.
 *
 * @throws IoError when the file cannot be written; CancelledError when `signal` aborts; whatever
 *   the chunk source throws
 */
export async function writeFileAtomic(
  path: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  const { signal } = options;
  throwIfAborted(signal, `writing ${path}`);
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await attempt(path, `create a temporary file in ${dirname(path)}`, () =>
    open(temporary, 'wx'),
  );
  let handleOpen = true;
  try {
    for await (const chunk of chunks) {
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
