import { ConfigError } from '@embedkit/core-math';
import type { RunReader, RunWriter } from './run-files.js';

/**
 * The browser's run store (`#run-store` under the `browser` condition): a page has no temporary
 * files, so co-occurrences are counted in memory only; when they outgrow the `memory` budget the
 * count stops with what to do instead.
 */
export class RunStore {
  /** No files in a page: the counter merges its stores straight into the sink. */
  readonly holdsFiles = false;
  readonly #memory: number;

  /** @param _tmpDir - unused in a page; `memory` is the budget (megabytes) named in the error */
  constructor(_tmpDir: string | undefined, memory: number) {
    this.#memory = memory;
  }

  /** @throws ConfigError always: the co-occurrences do not fit in `memory` */
  writer(_bufferRecords: number): RunWriter {
    throw new ConfigError(
      'memory',
      this.#memory,
      'a larger budget (in a page the co-occurrences are counted in memory only, without temporary files), or a smaller corpus or vocabulary',
    );
  }

  /** @throws ConfigError always (there are no runs to read in a page) */
  reader(path: string, _bufferRecords: number): RunReader {
    throw new ConfigError('run', path, 'no temporary run in a page');
  }

  /** Nothing to delete in a page. */
  remove(_path: string): void {}

  /** Nothing to remove in a page. */
  dispose(): void {}
}
