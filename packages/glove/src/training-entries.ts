import type { Random } from '@embedkit/core-math';
import { allocateInt32, releaseArray } from '@embedkit/core-math/kernels';
import { GLOVE_ENTRY_SLOTS } from './glove-kernel.js';
import type { MergeSink } from './merge-records.js';

/**
 * The co-occurrence matrix as training entries, interleaved in one array (16 bytes each, the
 * layout of `GloveKernel`) so a shuffle moves one entry with one cache line: `ints` reads rows and
 * columns, `floats` (a view of the same bytes) log X at `4k + 2` and the weight
 * f(X) = min(1, (X / xMax)^alpha) at `4k + 3`, both computed once instead of once per epoch.
 */
export interface TrainingEntries {
  readonly count: number;
  readonly ints: Int32Array;
  readonly floats: Float32Array;
}

/**
 * Collects merged records (packed keys, scaled sums) straight into training entries, in an array
 * from `allocateInt32` (the kernel memory, shared with worker threads; give it back with
 * `releaseArray(builder.entries.ints)`): no co-occurrence matrix is held beside them.
 */
export class TrainingEntriesBuilder implements MergeSink {
  /** The entries, filled in key order as records are pushed. */
  readonly entries: TrainingEntries;
  readonly #vocabSize: number;
  readonly #scale: number;
  readonly #xMax: number;
  readonly #alpha: number;
  #size = 0;

  /**
   * @param vocabSize - the key width (a key is row · vocabSize + column)
   * @param scale - what sums are divided by to give weighted counts X
   * @param pairs - how many records will be pushed
   * @param xMax - the count where the weight f(X) reaches 1
   * @param alpha - the exponent of the weight below xMax
   */
  constructor(vocabSize: number, scale: number, pairs: number, xMax: number, alpha: number) {
    this.entries = viewEntries(allocateInt32(pairs * GLOVE_ENTRY_SLOTS));
    this.#vocabSize = vocabSize;
    this.#scale = scale;
    this.#xMax = xMax;
    this.#alpha = alpha;
  }

  push(key: number, sum: number): void {
    const { ints, floats } = this.entries;
    const row = Math.floor(key / this.#vocabSize);
    const x = sum / this.#scale;
    const base = this.#size * GLOVE_ENTRY_SLOTS;
    ints[base] = row;
    ints[base + 1] = key - row * this.#vocabSize;
    floats[base + 2] = Math.log(x);
    floats[base + 3] = x < this.#xMax ? (x / this.#xMax) ** this.#alpha : 1;
    this.#size++;
  }

  abandon(): void {
    releaseArray(this.entries.ints);
  }
}

/** The int and float views of an entry array (as a worker thread receives it). */
export function viewEntries(ints: Int32Array): TrainingEntries {
  return {
    count: ints.length / GLOVE_ENTRY_SLOTS,
    ints,
    floats: new Float32Array(ints.buffer, ints.byteOffset, ints.length),
  };
}

/**
 * One stretch of a Fisher-Yates shuffle of the entries in [start, end): steps i = from - 1 down to
 * `to` (a whole shuffle is from = end, to = start + 1), each swapping entry i with a uniform entry in
 * [start, i]. Splitting the steps lets a caller look at the event loop in between.
 */
export function shuffleEntries(
  entries: TrainingEntries,
  start: number,
  from: number,
  to: number,
  random: Random,
): void {
  const ints = entries.ints;
  for (let i = from - 1; i >= to; i--) {
    const j = start + random.nextInt(i - start + 1);
    if (j === i) continue;
    const a = i * GLOVE_ENTRY_SLOTS;
    const b = j * GLOVE_ENTRY_SLOTS;
    for (let s = 0; s < GLOVE_ENTRY_SLOTS; s++) {
      const t = ints[a + s]!;
      ints[a + s] = ints[b + s]!;
      ints[b + s] = t;
    }
  }
}
