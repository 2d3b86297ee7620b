import { Random } from '@embedkit/core-math';
import { arcIndex } from './graph.js';
import type { PackedAliasTables, WalkTables } from './walk-tables.js';

/** The walk parameters the kernel needs (validated by `resolveWalkOptions`). */
export interface WalkKernelSettings {
  /** Nodes per walk, the start included. */
  readonly walkLength: number;
  /** Return parameter: the weight of going back to the previous node is divided by `p`. */
  readonly p: number;
  /** In-out parameter: the weight of moving away from the previous node is divided by `q`. */
  readonly q: number;
}

/**
 * Walks `first .. end-1` of a run: walk `k` starts at `startNodes[k]` and draws from
 * `new Random(seed).fork(k)`, so every walk is the same whichever thread takes it. Walk `k` is
 * written to `out[k * walkLength ..]` and its length (shorter at a dead end) to `lengths[k]`.
 *
 * A step from `v` after `t` goes to neighbour `x` with probability in proportion to
 * `w(v, x) · bias`, where bias is `1/p` when `x = t`, 1 when `x` is a neighbour of `t`, `1/q`
 * otherwise (node2vec, Grover & Leskovec 2016); `p = q = 1` is DeepWalk's weighted first-order walk.
 * Without second-order tables the bias is applied by rejection (KnightKing, PecanPy): draw `x` by
 * weight, keep it with probability `bias / max(1/p, 1, 1/q)`.
 */
export function runWalks(
  tables: WalkTables,
  settings: WalkKernelSettings,
  seed: number,
  startNodes: Int32Array,
  first: number,
  end: number,
  out: Int32Array,
  lengths: Int32Array,
): void {
  const { offsets, targets, firstOrder, secondOrder } = tables;
  const { walkLength, p, q } = settings;
  const firstOrderOnly = p === 1 && q === 1;
  const inverseP = 1 / p;
  const inverseQ = 1 / q;
  const maxBias = Math.max(inverseP, 1, inverseQ);
  const base = new Random(seed);
  for (let k = first; k < end; k++) {
    const random = base.fork(k);
    const slot = k * walkLength;
    let current = startNodes[k]!;
    out[slot] = current;
    let length = 1;
    let previous = -1;
    let arc = -1;
    while (length < walkLength) {
      const start = offsets[current]!;
      const degree = offsets[current + 1]! - start;
      if (degree === 0) break;
      let next: number;
      if (previous < 0 || firstOrderOnly) {
        next = start + draw(firstOrder, start, degree, random);
      } else if (secondOrder !== null) {
        next = start + draw(secondOrder, secondOrder.arcStarts[arc]!, degree, random);
      } else {
        const previousStart = offsets[previous]!;
        const previousEnd = offsets[previous + 1]!;
        for (;;) {
          next = start + draw(firstOrder, start, degree, random);
          const x = targets[next]!;
          const bias =
            x === previous ? inverseP : arcIndex(targets, previousStart, previousEnd, x) >= 0 ? 1 : inverseQ;
          if (random.nextFloat() * maxBias < bias) break;
        }
      }
      previous = current;
      arc = next;
      current = targets[next]!;
      out[slot + length++] = current;
    }
    lengths[k] = length;
  }
}

/** A column of the segment at `at` of `size` entries: uniform without tables, else by alias. */
function draw(tables: PackedAliasTables | null, at: number, size: number, random: Random): number {
  const column = random.nextInt(size);
  if (tables === null) return column;
  return random.nextFloat() < tables.accept[at + column]! ? column : tables.alias[at + column]!;
}
