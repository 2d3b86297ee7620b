import { IoError, openRegularFile } from '@embedkit/core-math';

/**
 * The bytes of the file at `path` (`#read-file` under Node).
 *
 * @throws IoError when the file cannot be read, or is a directory, a pipe or a device
 */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  const { handle } = await openRegularFile(path);
  try {
    return await handle.readFile();
  } catch (error) {
    throw new IoError(path, `cannot read the file (${(error as Error).message})`, error);
  } finally {
    await handle.close();
  }
}
