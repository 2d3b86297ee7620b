import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { IoError } from '@embedkit/core-math';
import { type MergeSink, type MergeSource, RUN_RECORD_BYTES } from './merge-records.js';

function ioError(path: string, doing: string, error: unknown): IoError {
  const reason = error instanceof Error ? error.message : String(error);
  return new IoError(path, `cannot ${doing} a temporary co-occurrence run: ${reason}`, error);
}

/** Writes records to a new file through a buffer of `bufferRecords` records. */
export class RunWriter implements MergeSink {
  readonly path: string;
  readonly #records: Float64Array;
  readonly #bytes: Uint8Array;
  readonly #fd: number;
  #length = 0;

  /** Creates `path` (which must not exist); throws `IoError` when it cannot. */
  constructor(path: string, bufferRecords: number) {
    this.path = path;
    this.#records = new Float64Array(bufferRecords * 2);
    this.#bytes = new Uint8Array(this.#records.buffer);
    try {
      this.#fd = openSync(path, 'wx');
    } catch (error) {
      throw ioError(path, 'create', error);
    }
  }

  push(key: number, sum: number): void {
    if (this.#length * 2 === this.#records.length) this.#flush();
    this.#records[this.#length * 2] = key;
    this.#records[this.#length * 2 + 1] = sum;
    this.#length++;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    try {
      this.#flush();
    } finally {
      closeSync(this.#fd);
    }
  }

  #flush(): void {
    const bytes = this.#length * RUN_RECORD_BYTES;
    let written = 0;
    try {
      while (written < bytes) written += writeSync(this.#fd, this.#bytes, written, bytes - written);
    } catch (error) {
      throw ioError(this.path, 'write', error);
    }
    this.#length = 0;
  }
}

/** Reads a run file record by record through a buffer; closes the file at its end. */
export class RunReader implements MergeSource {
  readonly path: string;
  key = Number.POSITIVE_INFINITY;
  sum = 0;
  readonly #records: Float64Array;
  readonly #bytes: Uint8Array;
  #fd: number | undefined;
  #length = 0;
  #next = 0;

  /** Opens `path` and reads its first record; throws `IoError` when it cannot. */
  constructor(path: string, bufferRecords: number) {
    this.path = path;
    this.#records = new Float64Array(bufferRecords * 2);
    this.#bytes = new Uint8Array(this.#records.buffer);
    try {
      this.#fd = openSync(path, 'r');
    } catch (error) {
      throw ioError(path, 'open', error);
    }
    this.advance();
  }

  advance(): void {
    if (this.#next === this.#length && !this.#fill()) {
      this.key = Number.POSITIVE_INFINITY;
      return;
    }
    this.key = this.#records[this.#next * 2]!;
    this.sum = this.#records[this.#next * 2 + 1]!;
    this.#next++;
  }

  /** Closes the file (also done at its end). */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #fill(): boolean {
    if (this.#fd === undefined) return false;
    let bytes = 0;
    try {
      for (;;) {
        const read = readSync(this.#fd, this.#bytes, bytes, this.#bytes.length - bytes, null);
        if (read === 0) break;
        bytes += read;
        if (bytes === this.#bytes.length) break;
      }
    } catch (error) {
      throw ioError(this.path, 'read', error);
    }
    if (bytes % RUN_RECORD_BYTES !== 0) {
      throw ioError(this.path, 'read', new Error(`the file ends inside a record (${bytes} bytes read)`));
    }
    this.#length = bytes / RUN_RECORD_BYTES;
    this.#next = 0;
    if (this.#length === 0) this.close();
    return this.#length > 0;
  }
}
