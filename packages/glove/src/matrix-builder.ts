import type { CooccurrenceStats } from './cooccurrence-matrix.js';
import { CooccurrenceMatrix } from './cooccurrence-matrix.js';
import type { MergeSink } from './merge-records.js';

/** Collects merged records (packed keys, scaled sums) into the typed arrays of a {@link CooccurrenceMatrix}. */
export class MatrixBuilder implements MergeSink {
  readonly #vocabSize: number;
  readonly #scale: number;
  readonly #rows: Int32Array;
  readonly #cols: Int32Array;
  readonly #values: Float64Array;
  #size = 0;

  /**
   * @param vocabSize - the key width (a key is row · vocabSize + column)
   * @param scale - what sums are divided by to give weighted counts
   * @param pairs - how many records will be pushed (the arrays are allocated once, at this size)
   */
  constructor(vocabSize: number, scale: number, pairs: number) {
    this.#vocabSize = vocabSize;
    this.#scale = scale;
    this.#rows = new Int32Array(pairs);
    this.#cols = new Int32Array(pairs);
    this.#values = new Float64Array(pairs);
  }

  push(key: number, sum: number): void {
    const row = Math.floor(key / this.#vocabSize);
    this.#rows[this.#size] = row;
    this.#cols[this.#size] = key - row * this.#vocabSize;
    this.#values[this.#size] = sum / this.#scale;
    this.#size++;
  }

  /** The matrix of everything pushed. */
  finish(stats: CooccurrenceStats): CooccurrenceMatrix {
    return new CooccurrenceMatrix(this.#vocabSize, this.#rows, this.#cols, this.#values, stats);
  }
}
