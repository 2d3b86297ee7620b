import { constants, type Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IoError } from '@embedkit/core-math';

/** Options of {@link checkOutputPath}. */
export interface CheckOutputPathOptions {
  /**
   * Files the command reads (a corpus, the model being converted): the output may not be one of
   * them, under any name (a symbolic or hard link to the same file counts).
   */
  readonly inputs?: readonly string[];
}

/** What an existing file is, in words, for a refusal. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(path, `cannot write the output: ${reasonOf(error)}`, error);
  }
}

async function requireWritable(path: string, what: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    throw new IoError(path, `cannot ${what}: ${reasonOf(error)}`, error);
  }
}

/**
 * Checks that `path` can safely be written with {@link writeFileAtomic} and returns the path to
 * write: `path` itself when it does not exist yet, else the regular file it names (through symbolic
 * links, so that replacing the file keeps the links). Call it before long work (training, loading)
 * so that a bad output fails at once rather than after the work.
 *
 * Refused, with an {@link IoError} naming `path`: an existing output that is not a regular file (a
 * directory, a FIFO, a device such as `/dev/null` or a terminal, `/proc/self/fd/1`), an output
 * that is one of `options.inputs` (same device and inode), an existing file or a folder that is
 * not writable, a missing folder, and a name the file system cannot hold (too long).
 *
 * @throws IoError when the output is refused
 */
export async function checkOutputPath(path: string, options: CheckOutputPathOptions = {}): Promise<string> {
  const existing = await statOrUndefined(path);
  if (existing === undefined) {
    await requireWritable(dirname(path), `create a file in ${dirname(path)}`);
    return path;
  }
  if (!existing.isFile()) {
    throw new IoError(
      path,
      `is ${kindOf(existing)}; refusing to replace it with a vector file (give the name of a regular file)`,
    );
  }
  for (const input of options.inputs ?? []) {
    const read = await stat(input).catch(() => undefined);
    if (read !== undefined && read.dev === existing.dev && read.ino === existing.ino) {
      throw new IoError(
        path,
        `is the input ${input} (the same file); writing it would destroy the input: choose another output`,
      );
    }
  }
  const target = await realpath(path).catch((error: unknown) => {
    throw new IoError(path, `cannot resolve the output's links: ${reasonOf(error)}`, error);
  });
  await requireWritable(target, 'replace the file');
  await requireWritable(dirname(target), `replace a file in ${dirname(target)}`);
  return target;
}
