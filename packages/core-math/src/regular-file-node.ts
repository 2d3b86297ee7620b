/**
 * Opening a model or data file for reading, refusing anything that is not a regular file before it
 * is opened: a directory fails only at the first read (`EISDIR`), a pipe cannot seek (`ESPIPE`) and
 * a FIFO without a writer blocks `open` forever. This is `#regular-file` under Node; see
 * `regular-file.ts`.
 */
import type { FileHandle } from 'node:fs/promises';
import { IoError } from './errors.js';
import type { OpenedRegularFile } from './regular-file.js';

/** The kind of a non-regular file, for the error message. */
function describeKind(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The message for a path that is not a regular file. */
function notRegular(kind: string): string {
  return `is ${kind}, not a regular file; give the path of a file (save piped data to a file first)`;
}

/**
 * Opens `path` for reading when it is a regular file (a symbolic link to one is followed).
 *
 * @throws IoError naming the path when it does not exist, cannot be opened, or is a directory, a
 *   pipe, a device or a socket (checked before opening, so a FIFO without a writer never blocks)
 */
export async function openRegularFile(path: string): Promise<OpenedRegularFile> {
  const fs = await import('node:fs/promises');
  const failed = (action: string, cause: unknown) =>
    new IoError(path, `cannot ${action}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  let before: Awaited<ReturnType<typeof fs.stat>>;
  try {
    before = await fs.stat(path);
  } catch (cause) {
    throw failed('open the file', cause);
  }
  if (!before.isFile()) throw new IoError(path, notRegular(describeKind(before)));
  let handle: FileHandle;
  try {
    // Non-blocking, in case the path was replaced by a FIFO since the check.
    handle = await fs.open(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (cause) {
    throw failed('open the file', cause);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new IoError(path, notRegular(describeKind(stats)));
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error instanceof IoError ? error : failed('inspect the file', error);
  }
}
