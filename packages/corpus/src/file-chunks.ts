import { type FileHandle, open } from 'node:fs/promises';
import { IoError } from '@embedkit/core-math';

/**
 * The bytes of a file, `chunkSize` at a time, read into one buffer that every step reuses: a
 * consumer must be done with a chunk before it asks for the next. Reading allocates nothing per
 * chunk, so a long file does not leave a trail of dead buffers for the garbage collector (memory
 * stays flat however long the corpus).
 *
 * @throws IoError when the file cannot be read
 */
export async function* fileChunks(path: string, chunkSize: number): AsyncGenerator<Uint8Array> {
  const fail = (error: unknown): IoError => {
    const code = (error as { code?: unknown }).code;
    const hint =
      code === 'ENOENT' ? ' (a string corpus is a file path; give in-memory text as arrays of tokens)' : '';
    return new IoError(path, `cannot read the corpus: ${(error as Error).message}${hint}`, error);
  };
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw fail(error);
  }
  try {
    const buffer = new Uint8Array(chunkSize);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await file.read(buffer, 0, chunkSize, null));
      } catch (error) {
        throw fail(error);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
