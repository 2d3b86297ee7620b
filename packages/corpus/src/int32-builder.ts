import { ConfigError } from '@embedkit/core-math';

/** Most values an {@link Int32Builder} holds: positions must fit in an int32. */
const MAX_LENGTH = 2 ** 31 - 1;

/** An append-only `Int32Array` that grows geometrically (by half its size), so appends are amortised O(1). */
export class Int32Builder {
  #values: Int32Array;
  #length = 0;

  constructor(initialCapacity: number) {
    this.#values = new Int32Array(initialCapacity);
  }

  /** Number of values appended. */
  get length(): number {
    return this.#length;
  }

  /** Appends `value`. */
  push(value: number): void {
    if (this.#length === this.#values.length) this.#grow();
    this.#values[this.#length++] = value;
  }

  /** The appended values, in a copy of exactly `length` elements. */
  toArray(): Int32Array {
    return this.#values.slice(0, this.#length);
  }

  #grow(): void {
    const length = this.#length;
    if (length >= MAX_LENGTH) {
      throw new ConfigError(
        'corpus',
        `more than ${MAX_LENGTH} tokens`,
        'a corpus small enough to encode in memory',
      );
    }
    const capacity = Math.min(MAX_LENGTH, Math.max(16, length + (length >>> 1)));
    let values: Int32Array;
    try {
      values = new Int32Array(capacity);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new ConfigError(
        'corpus',
        `${length} tokens so far`,
        'a corpus small enough to encode in memory (stream larger ones with sentencesOf)',
      );
    }
    values.set(this.#values);
    this.#values = values;
  }
}
