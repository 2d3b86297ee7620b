import type { Random } from '@embedkit/core-math';
import type { CooccurrenceMatrix } from './cooccurrence-matrix.js';

/** 32-bit slots per training entry: row, column (int32), log X (float32), f(X) (float32). */
export const ENTRY_SLOTS = 4;

/**
 * The co-occurrence matrix as training entries, interleaved in one buffer (16 bytes each) so a
 * shuffle moves one entry with one cache line: `ints` reads rows and columns, `floats` (a view of the
 * same buffer) log X at `4k + 2` and the weight f(X) = min(1, (X / xMax)^alpha) at `4k + 3`, both
 * computed once instead of once per epoch.
 */
export interface TrainingEntries {
  readonly count: number;
  readonly ints: Int32Array;
  readonly floats: Float32Array;
}

/** Builds the entries of `matrix`, in a `SharedArrayBuffer` when `shared` (for worker threads). */
export function buildTrainingEntries(
  matrix: CooccurrenceMatrix,
  xMax: number,
  alpha: number,
  shared: boolean,
): TrainingEntries {
  const count = matrix.size;
  const bytes = count * ENTRY_SLOTS * 4;
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const entries = viewEntries(buffer);
  const { rows, cols, values } = matrix;
  for (let k = 0; k < count; k++) {
    const x = values[k]!;
    const base = k * ENTRY_SLOTS;
    entries.ints[base] = rows[k]!;
    entries.ints[base + 1] = cols[k]!;
    entries.floats[base + 2] = Math.log(x);
    entries.floats[base + 3] = x < xMax ? (x / xMax) ** alpha : 1;
  }
  return entries;
}

/** The int and float views of an entry buffer (as a worker thread receives it). */
export function viewEntries(buffer: ArrayBufferLike): TrainingEntries {
  const ints = new Int32Array(buffer);
  return { count: ints.length / ENTRY_SLOTS, ints, floats: new Float32Array(buffer) };
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
    const a = i * ENTRY_SLOTS;
    const b = j * ENTRY_SLOTS;
    for (let s = 0; s < ENTRY_SLOTS; s++) {
      const t = ints[a + s]!;
      ints[a + s] = ints[b + s]!;
      ints[b + s] = t;
    }
  }
}
