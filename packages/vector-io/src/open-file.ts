/** Opening a vector file on disk (`#open-file` under Node); file-system failures become {@link IoError}s. */
import { IoError, openRegularFile } from '@embedkit/core-math';
import type { ReadableFile } from './file-reading.js';

/** Opens `path` for reading; throws {@link IoError} when it cannot be opened or is not a regular file. */
export async function openForReading(path: string): Promise<ReadableFile> {
  const { handle, size } = await openRegularFile(path);
  return {
    path,
    size,
    async read(buffer, offset, length, position) {
      try {
        return (await handle.read(buffer, offset, length, position)).bytesRead;
      } catch (cause) {
        throw new IoError(path, `cannot read the file: ${(cause as Error).message}`, cause);
      }
    },
    close: () => handle.close(),
  };
}
