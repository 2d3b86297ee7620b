import { open as openCallback, rmSync, type Stats } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { isatty, ReadStream } from 'node:tty';
import { promisify } from 'node:util';
import { IoError, isEmbeddingError, type TrainingCorpus, throwIfAborted } from '@embedkit/core-math';

/** Options of {@link withReplayableCorpus}. */
export interface ReplayableCorpusOptions {
  /** Where the copy of a pipe goes (a new folder inside it). Default: the system's temporary folder. */
  readonly tmpDir?: string;
  /** Stops copying; the call then throws `CancelledError` (and removes the copy). */
  readonly signal?: AbortSignal;
}

/** How a corpus path can be read: again and again, once (copied first), or not at all. */
type PathKind = 'file' | 'stream' | 'refused';

async function isTerminal(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    return isatty(handle.fd);
  } finally {
    await handle.close();
  }
}

async function kindOf(path: string, stats: Stats): Promise<PathKind> {
  if (stats.isFIFO() || stats.isSocket()) return 'stream';
  if (stats.isCharacterDevice()) return (await isTerminal(path)) ? 'stream' : 'refused';
  if (stats.isBlockDevice()) return 'refused';
  // A regular file; a directory or a missing file fails in the reader with its own message.
  return 'file';
}

/**
 * The descriptor a path such as `/dev/stdin` or `/proc/self/fd/3` names, when it is a socket (as a
 * parent process's pipes often are): such a path cannot be opened again, its descriptor is read.
 */
function socketDescriptor(path: string, stats: Stats): number | undefined {
  if (!stats.isSocket()) return undefined;
  if (path === '/dev/stdin') return 0;
  const match = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path);
  return match === null ? undefined : Number(match[1]);
}

const openDescriptor = promisify(openCallback);

/**
 * A pipe, socket or terminal read through the event loop, never by a thread blocked in `read`: a
 * signal can then stop the copy while it waits for data, and the process can exit.
 */
async function streamOf(path: string, stats: Stats): Promise<Readable> {
  const fd = socketDescriptor(path, stats) ?? (await openDescriptor(path, 'r'));
  return isatty(fd) ? new ReadStream(fd) : new Socket({ fd, readable: true, writable: false });
}

async function copyOnce(
  path: string,
  stats: Stats,
  copy: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const output = await open(copy, 'wx');
  let input: Readable | undefined;
  try {
    input = await streamOf(path, stats);
    if (signal !== undefined) addAbortSignal(signal, input);
    for await (const chunk of input) await output.writeFile(chunk as Uint8Array);
    throwIfAborted(signal, `reading ${path}`);
  } catch (error) {
    throwIfAborted(signal, `reading ${path}`);
    if (isEmbeddingError(error)) throw error;
    throw new IoError(path, `cannot read the corpus: ${(error as Error).message}`, error);
  } finally {
    input?.destroy();
    await output.close();
  }
}

/**
 * Runs `train` on `corpus` made safe to read several times, as every trainer reads its corpus (a
 * vocabulary pass, then one pass per epoch or a counting pass).
 *
 * A path that can only be read once — a pipe (`/dev/stdin` fed by `cat`, a FIFO, a shell's
 * `<(...)`), a socket (`/dev/stdin` of a process started by Node) or a terminal — is read once into a temporary file (in a new folder of
 * `tmpDir`), and `train` gets that file's path; the folder is removed when `train` settles, whether
 * it returns, fails or is cancelled, or when the process exits meanwhile. A regular file, an array or any other corpus is passed as
 * it is. A device that is none of these (`/dev/zero`, a disk) is refused.
 *
 * @throws IoError when the corpus is a device that is not a terminal, or cannot be read or copied
 * @throws CancelledError when `signal` aborts while copying
 */
export async function withReplayableCorpus<T>(
  corpus: TrainingCorpus,
  options: ReplayableCorpusOptions,
  train: (corpus: TrainingCorpus) => Promise<T>,
): Promise<T> {
  if (typeof corpus !== 'string') return train(corpus);
  const stats = await stat(corpus).catch(() => undefined);
  const kind = stats === undefined ? 'file' : await kindOf(corpus, stats);
  if (stats === undefined || kind === 'file') return train(corpus);
  if (kind === 'refused') {
    throw new IoError(corpus, 'is a device, not a corpus: give a text file, a pipe or a terminal');
  }
  const parent = options.tmpDir ?? tmpdir();
  const folder = await mkdtemp(join(parent, 'embedkit-corpus-')).catch((error: unknown) => {
    throw new IoError(
      parent,
      `cannot create a folder for the copy of ${corpus} (read once, as it is a pipe): ${(error as Error).message}`,
      error,
    );
  });
  // Opening a FIFO waits for its writer in a thread that cannot be interrupted: when the process is
  // ended meanwhile (a second Ctrl-C), the folder is removed on the way out.
  const removeAtExit = (): void => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeAtExit);
  try {
    const copy = join(folder, 'corpus.txt');
    await copyOnce(corpus, stats, copy, options.signal);
    return await train(copy);
  } finally {
    process.off('exit', removeAtExit);
    await rm(folder, { recursive: true, force: true });
  }
}
