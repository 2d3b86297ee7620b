import { isEmbeddingError } from '@embedkit/core-math';
import type { EncodedCorpus } from '@embedkit/corpus';

/**
 * A temporary file that holds the encoded ids of one epoch (`#spill-file` creates it): appended to
 * during the first epoch, read back block by block in the later ones, closed (and gone) at the end
 * of the run.
 */
export interface SpillFile {
  /** Where the file is, for messages. */
  readonly path: string;
  /** Bytes written so far. */
  readonly size: number;
  /** Appends `parts` one after the other. @throws IoError when they cannot be written */
  append(parts: readonly Uint8Array[]): void;
  /** Fills `target` from byte `position`. @throws IoError when it cannot */
  read(target: Uint8Array, position: number): void;
  /** Closes and removes the file; idempotent, never throws. */
  close(): void;
}

/** What {@link SpilledEpochs} needs. */
export interface SpilledEpochsSource {
  /** One pass of the corpus, encoded (read again whenever it is iterated). */
  readonly blocks: AsyncIterable<EncodedCorpus>;
  /**
   * A new spill file, `undefined` where there is no file system.
   * @throws IoError when it cannot be created
   */
  readonly createFile: () => SpillFile | undefined;
  /** Receives the one-line warning when the ids cannot be spilled. */
  readonly warn: (message: string) => void;
}

/** Int32 values before the sentence starts and ids of a block in the spill file: tokens, sentences. */
const HEADER_VALUES = 2;

/**
 * The epochs of a streamed corpus with its encoded ids spilled: the first epoch encodes the corpus
 * and appends each block to a spill file as it goes (the block's token and sentence counts, its
 * sentence starts, its ids: Int32 values), and every later epoch reads the blocks back into one
 * reused buffer, with no per-token work. The blocks are the same either way, so training sees the
 * same sentences. When the file cannot be created or written (an unwritable folder, a full disk),
 * one warning goes to `warn` and the epochs encode the corpus again, as without a spill file.
 */
export class SpilledEpochs {
  readonly #source: SpilledEpochsSource;
  /** The spill file of a complete epoch. */
  #file: SpillFile | undefined;
  #state: 'first' | 'spilled' | 'encode' = 'first';
  #closed = false;
  #buffer = new Int32Array(0);
  readonly #header = new Int32Array(HEADER_VALUES);

  constructor(source: SpilledEpochsSource) {
    this.#source = source;
  }

  /** One pass over the corpus as blocks of encoded sentences, each valid until the next is asked for. */
  epoch(): AsyncIterable<EncodedCorpus> {
    if (this.#state === 'spilled' && this.#file !== undefined) return this.#read(this.#file);
    if (this.#state === 'first') {
      this.#state = 'encode';
      return this.#spill();
    }
    return this.#source.blocks;
  }

  /** Closes and removes the spill file (the end of the run, or its cancellation); idempotent. */
  close(): void {
    this.#closed = true;
    this.#file?.close();
    this.#file = undefined;
  }

  async *#spill(): AsyncGenerator<EncodedCorpus> {
    let file = this.#create();
    try {
      for await (const block of this.#source.blocks) {
        if (file !== undefined && !this.#append(file, block)) file = undefined;
        yield block;
      }
      if (file !== undefined && !this.#closed) {
        this.#file = file;
        this.#state = 'spilled';
        file = undefined;
      }
    } finally {
      file?.close();
    }
  }

  async *#read(file: SpillFile): AsyncGenerator<EncodedCorpus> {
    const header = this.#header;
    const headerBytes = new Uint8Array(header.buffer);
    for (let position = 0; position < file.size; ) {
      file.read(headerBytes, position);
      position += headerBytes.byteLength;
      const tokens = header[0]!;
      const sentences = header[1]!;
      const length = sentences + 1 + tokens;
      if (this.#buffer.length < length) this.#buffer = new Int32Array(length);
      const values = this.#buffer.subarray(0, length);
      file.read(new Uint8Array(values.buffer, 0, values.byteLength), position);
      position += values.byteLength;
      yield {
        sentenceStarts: values.subarray(0, sentences + 1),
        ids: values.subarray(sentences + 1),
        tokens,
      };
    }
  }

  #create(): SpillFile | undefined {
    try {
      return this.#source.createFile();
    } catch (error) {
      this.#fallBack(error);
      return undefined;
    }
  }

  /** Appends `block` to `file`; on failure closes the file, warns, and returns false. */
  #append(file: SpillFile, block: EncodedCorpus): boolean {
    const { ids, sentenceStarts, tokens } = block;
    this.#header[0] = tokens;
    this.#header[1] = sentenceStarts.length - 1;
    try {
      file.append([bytesOf(this.#header), bytesOf(sentenceStarts), bytesOf(ids.subarray(0, tokens))]);
      return true;
    } catch (error) {
      file.close();
      this.#fallBack(error);
      return false;
    }
  }

  #fallBack(error: unknown): void {
    if (!isEmbeddingError(error, 'IO')) throw error;
    this.#source.warn(
      `${error.message}; every epoch reads and encodes the corpus again (give tmpDir a writable folder with room for 4 bytes per token, or set spill to false)`,
    );
  }
}

function bytesOf(array: Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
