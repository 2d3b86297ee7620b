/** Opening a vector file on disk (`#open-file` under Node); file-system failures become {@link IoError}s. */
import { type FileHandle, open } from 'node:fs/promises';
import { IoError } from '@embedkit/core-math';
import type { ReadableFile } from './file-reading.js';

function ioError(path: string, action: string, cause: unknown): IoError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new IoError(path, `cannot ${action}: ${detail}`, cause);
}

/** Opens `path` for reading; throws {@link IoError} when it cannot be opened or is not a file. */
export async function openForReading(path: string): Promise<ReadableFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw ioError(path, 'open the file', cause);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new IoError(path, 'not a regular file');
    return {
      path,
      size: stats.size,
      async read(buffer, offset, length, position) {
        try {
          return (await handle.read(buffer, offset, length, position)).bytesRead;
        } catch (cause) {
          throw ioError(path, 'read the file', cause);
        }
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error instanceof IoError ? error : ioError(path, 'inspect the file', error);
  }
}
