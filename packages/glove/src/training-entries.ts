import type { Random } from '@embedkit/core-math';
import { allocateInt32 } from '@embedkit/core-math/kernels';
import { GLOVE_ENTRY_SLOTS } from './glove-kernel.js';
import type { CooccurrenceMatrix } from './cooccurrence-matrix.js';

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
 * Builds the entries of `matrix` in an array from `allocateInt32` (the kernel memory, shared with
 * worker threads; give it back with `releaseArray(entries.ints)`).
 */
export function buildTrainingEntries(
  matrix: CooccurrenceMatrix,
  xMax: number,
  alpha: number,
): TrainingEntries {
  const count = matrix.size;
  const entries = viewEntries(allocateInt32(count * GLOVE_ENTRY_SLOTS));
  const { ints, floats } = entries;
  const { rows, cols, values } = matrix;
  for (let k = 0; k < count; k++) {
    const x = values[k]!;
    const base = k * GLOVE_ENTRY_SLOTS;
    ints[base] = rows[k]!;
    ints[base + 1] = cols[k]!;
    floats[base + 2] = Math.log(x);
    floats[base + 3] = x < xMax ? (x / xMax) ** alpha : 1;
  }
  return entries;
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
