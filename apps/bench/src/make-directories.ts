import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { IoError } from '@embedkit/core-math';

/**
 * Creates the folder `path` and its missing parents, one level at a time. Node's
 * `mkdir(path, { recursive: true })` never returns for a path under `/proc` (it retries the
 * ENOENT forever); creating each level once fails at once instead.
 *
 * @throws IoError naming the folder that cannot be created, or the path that is not a folder
 */
export async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      if (!(await stat(current)).isDirectory()) throw new IoError(current, 'not a folder');
      break;
    } catch (error) {
      const parent = dirname(current);
      const { code } = error as NodeJS.ErrnoException;
      // ENOTDIR: a level above is a file, which the next round reports.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) {
        throw error instanceof IoError
          ? error
          : new IoError(current, `cannot inspect: ${(error as Error).message}`, error);
      }
      missing.push(current);
      current = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new IoError(folder, `cannot create the folder: ${(error as Error).message}`, error);
    }
  }
}
