import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IoError, throwIfAborted } from '@embedkit/core-math';
import { checkOutputPath } from './output-path.js';

/** The longest file name (in bytes) Linux, macOS and Windows file systems accept. */
const NAME_MAX = 255;

/**
 * A fresh name for the temporary file beside `path`: `.NAME.RANDOM.tmp`, with NAME shortened (on a
 * character boundary) so that the whole name stays within {@link NAME_MAX} bytes whenever the
 * output's own name does.
 */
export function temporaryPathFor(path: string): string {
  const suffix = `.${randomBytes(4).toString('hex')}.tmp`;
  const room = NAME_MAX - 1 - suffix.length;
  let name = basename(path);
  while (Buffer.byteLength(name) > room) name = name.slice(0, -1);
  if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, -1);
  return join(dirname(path), `.${name}${suffix}`);
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
 * Writes `chunks` to `path` safely: into a temporary file in the same directory, flushed to disk,
 * then renamed over `path`. A failed or cancelled write leaves an existing file as it was and no
 * temporary file behind. Each chunk is written before the next is requested, so a generator may
 * reuse one buffer.
 *
 * `path` is first checked with {@link checkOutputPath}: an existing output that is not a regular
 * file (a device, a FIFO, a directory) is refused rather than replaced, and a symbolic link to a
 * regular file stays a link (the file it names is replaced).
 *
 * @throws IoError when the output is refused or the file cannot be written; CancelledError when
 *   `signal` aborts (checked between chunks and once more just before the rename); whatever the
 *   chunk source throws
 */
export async function writeFileAtomic(
  path: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  const { signal } = options;
  throwIfAborted(signal, `writing ${path}`);
  const target = await checkOutputPath(path);
  const temporary = temporaryPathFor(target);
  const handle = await attempt(path, `create a temporary file in ${dirname(target)}`, () =>
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
    throwIfAborted(signal, `writing ${path}`);
    await attempt(path, 'replace the file', () => rename(temporary, target));
  } catch (error) {
    if (handleOpen) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
