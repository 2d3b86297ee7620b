import { readFile } from 'node:fs/promises';
import { IoError } from '@embedkit/core-math';

/**
 * The bytes of the file at `path` (`#read-file` under Node).
 *
 * @throws IoError when the file cannot be read
 */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new IoError(path, `cannot read the file (${(error as Error).message})`, error);
  }
}
