import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '@embedkit/core-math';
import { RunReader, RunWriter } from './run-files.js';

/**
 * The temporary run files of one counting pass (`#run-store` in Node): sorted runs the counter
 * spills when its memory budget is full, in a new folder of `tmpDir` (default the system's
 * temporary folder) created on the first spill and removed by {@link RunStore.dispose}.
 */
export class RunStore {
  /** Runs are files: the counter may stage its final merge in one to give its stores back first. */
  readonly holdsFiles = true;
  readonly #tmpDir: string | undefined;
  #directory: string | undefined;
  #runsCreated = 0;

  /** @param tmpDir - where the folder of runs goes; `_memory` is the budget (used by the browser's store) */
  constructor(tmpDir: string | undefined, _memory: number) {
    this.#tmpDir = tmpDir;
  }

  /** A writer of a new run file. */
  writer(bufferRecords: number): RunWriter {
    return new RunWriter(this.#nextRunPath(), bufferRecords);
  }

  /** A reader of the run at `path`. */
  reader(path: string, bufferRecords: number): RunReader {
    return new RunReader(path, bufferRecords);
  }

  /** Deletes the run at `path` (merged into a longer one). */
  remove(path: string): void {
    unlinkSync(path);
  }

  /** Removes the folder of runs and everything in it. */
  dispose(): void {
    if (this.#directory !== undefined) rmSync(this.#directory, { recursive: true, force: true });
    this.#directory = undefined;
  }

  #nextRunPath(): string {
    if (this.#directory === undefined) {
      const parent = this.#tmpDir ?? tmpdir();
      try {
        this.#directory = mkdtempSync(join(parent, 'embedkit-glove-'));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new IoError(
          parent,
          `cannot create a directory for temporary co-occurrence runs (tmpDir must be an existing, writable directory): ${reason}`,
          error,
        );
      }
    }
    return join(this.#directory, `run-${String(++this.#runsCreated).padStart(6, '0')}.bin`);
  }
}
