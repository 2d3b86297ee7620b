import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '@embedkit/core-math';
import type { SpillFile } from './spilled-epochs.js';

/**
 * A temporary file of encoded ids (`#spill-file` in Node): created exclusively under a random name
 * in `tmpDir` (default the system's temporary folder) and unlinked at once where the system allows
 * it (POSIX, and Windows for the files Node opens), so that nothing is left behind whatever ends
 * the process, a signal or a crash included; where it does not, {@link TemporaryIdsFile.close}
 * removes it. Reads and writes are synchronous, in large blocks: nothing is in flight when the file
 * is closed. It takes at most half of the space free in `tmpDir` when it is created, so that a large
 * corpus never fills the disk other programs write to: past that, `append` fails as a full disk
 * would, and the epochs encode the corpus again.
 */
export class TemporaryIdsFile implements SpillFile {
  /** Where the file is (or was, once unlinked). */
  readonly path: string;
  #fd: number | undefined;
  /** Whether the file still has a name to remove on close. */
  #named: boolean;
  /** Bytes written. */
  size = 0;
  /** The most bytes it may take: half the space free in its folder when it was created. */
  readonly #budget: number;

  /**
   * @param budget the most bytes it may take (default: half the space free in the folder now)
   * @throws IoError when the file cannot be created in `tmpDir`
   */
  constructor(tmpDir: string | undefined, budget?: number) {
    const folder = tmpDir ?? tmpdir();
    this.path = join(folder, `embedkit-word2vec-${randomBytes(8).toString('hex')}.ids`);
    this.#budget = budget ?? halfTheFreeSpace(folder);
    try {
      this.#fd = openSync(this.path, 'wx+', 0o600);
    } catch (error) {
      throw spillError(this.path, 'create', error);
    }
    try {
      unlinkSync(this.path);
      this.#named = false;
    } catch {
      this.#named = true;
    }
  }

  /** Appends `parts`, one after the other. @throws IoError when they cannot be written (a full disk) */
  append(parts: readonly Uint8Array[]): void {
    const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
    if (this.size + bytes > this.#budget) {
      throw new IoError(
        this.path,
        `the temporary file of encoded ids would take more than its ${this.#budget} bytes (half the space free when it was created)`,
      );
    }
    try {
      for (const part of parts) {
        let written = 0;
        while (written < part.byteLength) {
          written += writeSync(this.#open(), part, written, part.byteLength - written, this.size + written);
        }
        this.size += part.byteLength;
      }
    } catch (error) {
      throw spillError(this.path, 'write', error);
    }
  }

  /** Fills `target` from byte `position`. @throws IoError when the file ends before */
  read(target: Uint8Array, position: number): void {
    let done = 0;
    try {
      while (done < target.byteLength) {
        const read = readSync(this.#open(), target, done, target.byteLength - done, position + done);
        if (read === 0) break;
        done += read;
      }
    } catch (error) {
      throw spillError(this.path, 'read', error);
    }
    if (done < target.byteLength) {
      throw new IoError(this.path, `the temporary file of encoded ids ends at byte ${position + done}`);
    }
  }

  /**
   * Closes the file and removes it (when it still has a name); idempotent, and never throws: it
   * runs when a run ends or is cancelled, where a failure to tidy up must not replace the outcome.
   */
  close(): void {
    const fd = this.#fd;
    if (fd === undefined) return;
    this.#fd = undefined;
    try {
      closeSync(fd);
      if (this.#named) rmSync(this.path, { force: true });
    } catch {
      // Nothing to be done: the descriptor is gone either way, and a name left behind is in tmpDir.
    }
  }

  #open(): number {
    if (this.#fd === undefined) throw new IoError(this.path, 'the temporary file of encoded ids is closed');
    return this.#fd;
  }
}

/**
 * A new temporary file of encoded ids in `tmpDir` (Node only: the browser's `#spill-file` gives `undefined`,
 * and streamed epochs are then encoded again).
 *
 * @throws IoError when it cannot be created
 */
export function createSpillFile(tmpDir: string | undefined): SpillFile | undefined {
  return new TemporaryIdsFile(tmpDir);
}

/** Half the bytes free for this user in `folder`; unbounded where the system cannot tell. */
function halfTheFreeSpace(folder: string): number {
  try {
    const { bavail, bsize } = statfsSync(folder);
    return Math.floor((bavail * bsize) / 2);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function spillError(path: string, doing: string, error: unknown): IoError {
  // Node's message ends with the call and the path ("ENOENT: no such file or directory, open '…'"):
  // the path leads the IoError's message already.
  const reason = error instanceof Error ? error.message.replace(/, \w+ '.*'$/s, '') : String(error);
  return new IoError(path, `cannot ${doing} the temporary file of encoded ids: ${reason}`, error);
}
