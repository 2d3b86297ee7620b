import type { CooccurrenceStats } from './cooccurrence-matrix.js';
import { CooccurrenceMatrix } from './cooccurrence-matrix.js';
import type { MergeSink } from './merge-records.js';

/** Collects merged records (packed keys, scaled sums) into the typed arrays of a {@link CooccurrenceMatrix}. */
export class MatrixBuilder implements MergeSink {
  readonly #vocabSize: number;
  readonly #scale: number;
  #rows = new Int32Array(1024);
  #cols = new Int32Array(1024);
  #values = new Float64Array(1024);
  #size = 0;

  /**
   * @param vocabSize - the key width (a key is row · vocabSize + column)
   * @param scale - what sums are divided by to give weighted counts
   */
  constructor(vocabSize: number, scale: number) {
    this.#vocabSize = vocabSize;
    this.#scale = scale;
  }

  push(key: number, sum: number): void {
    if (this.#size === this.#values.length) this.#grow();
    const row = Math.floor(key / this.#vocabSize);
    this.#rows[this.#size] = row;
    this.#cols[this.#size] = key - row * this.#vocabSize;
    this.#values[this.#size] = sum / this.#scale;
    this.#size++;
  }

  /** The matrix of everything pushed (copied into arrays of the exact size). */
  finish(stats: CooccurrenceStats): CooccurrenceMatrix {
    const n = this.#size;
    return new CooccurrenceMatrix(
      this.#vocabSize,
      this.#rows.slice(0, n),
      this.#cols.slice(0, n),
      this.#values.slice(0, n),
      stats,
    );
  }

  #grow(): void {
    const capacity = this.#values.length * 2;
    const rows = new Int32Array(capacity);
    rows.set(this.#rows);
    this.#rows = rows;
    const cols = new Int32Array(capacity);
    cols.set(this.#cols);
    this.#cols = cols;
    const values = new Float64Array(capacity);
    values.set(this.#values);
    this.#values = values;
  }
}
