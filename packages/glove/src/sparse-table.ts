import { allocateInt32, releaseArray } from '@embedkit/core-math/kernels';
import type { MergeSource } from './merge-records.js';

/** Bytes of one slot: row + 1 (0 marks an empty slot), column, and a float64 sum. */
export const SPARSE_SLOT_BYTES = 16;

/** The table doubles (or, at its largest, asks to be spilled) beyond this share of occupied slots. */
export const MAX_LOAD = 0.7;

const INITIAL_CAPACITY = 1024;

/**
 * An open-addressing hash table (linear probing) of (row, column) -> summed increment, held in one
 * typed array of interleaved slots in the kernel memory (see `allocateFloat64`): no object per pair. It grows by doubling up to `maxCapacity`
 * slots; beyond that the owner spills it ({@link SparseTable.sortedKeys}, then {@link SparseTable.clear}).
 */
export class SparseTable {
  /** Rows of the key space: a key packs (row, column) as `row * width + column`. */
  readonly width: number;
  readonly maxCapacity: number;
  #ints: Int32Array;
  #sums: Float64Array;
  #mask: number;
  #size = 0;
  #growAt: number;

  /**
   * @param width - number of columns (the vocabulary size)
   * @param maxCapacity - largest number of slots, a power of two
   */
  constructor(width: number, maxCapacity: number) {
    this.width = width;
    this.maxCapacity = maxCapacity;
    const capacity = Math.min(INITIAL_CAPACITY, maxCapacity);
    this.#ints = allocateInt32(capacity * 4);
    this.#sums = sumsOf(this.#ints);
    this.#mask = capacity - 1;
    this.#growAt = Math.floor(capacity * MAX_LOAD);
  }

  /** Bytes the slots take. */
  get bytes(): number {
    return this.#ints.byteLength;
  }

  /** Gives the slots back to the kernel memory; the table must not be used afterwards. */
  release(): void {
    releaseArray(this.#ints);
  }

  /** Distinct pairs held. */
  get size(): number {
    return this.#size;
  }

  /** Most pairs the table holds at its largest before it must be spilled. */
  get limit(): number {
    return Math.floor(this.maxCapacity * MAX_LOAD);
  }

  /** Adds `increment` to the pair (row, col). */
  add(row: number, col: number, increment: number): void {
    const ints = this.#ints;
    const tag = row + 1;
    let slot = hash(row, col) & this.#mask;
    for (;;) {
      const base = slot << 2;
      const found = ints[base]!;
      if (found === tag && ints[base + 1] === col) {
        this.#sums[(slot << 1) + 1]! += increment;
        return;
      }
      if (found === 0) {
        ints[base] = tag;
        ints[base + 1] = col;
        this.#sums[(slot << 1) + 1] = increment;
        if (++this.#size > this.#growAt && this.#mask + 1 < this.maxCapacity) this.#grow();
        return;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The sum of the pair (row, col), 0 when absent. */
  get(row: number, col: number): number {
    const ints = this.#ints;
    const tag = row + 1;
    let slot = hash(row, col) & this.#mask;
    for (;;) {
      const base = slot << 2;
      const found = ints[base]!;
      if (found === tag && ints[base + 1] === col) return this.#sums[(slot << 1) + 1]!;
      if (found === 0) return 0;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The keys of all pairs held (`row * width + col`), ascending. */
  sortedKeys(): Float64Array {
    const keys = new Float64Array(this.#size);
    const ints = this.#ints;
    const width = this.width;
    let n = 0;
    for (let base = 0; base < ints.length; base += 4) {
      const tag = ints[base]!;
      if (tag !== 0) keys[n++] = (tag - 1) * width + ints[base + 1]!;
    }
    return keys.sort();
  }

  /** Forgets every pair (keeping the current capacity). */
  clear(): void {
    this.#ints.fill(0);
    this.#size = 0;
  }

  #grow(): void {
    const old = this.#ints;
    const oldSums = this.#sums;
    const capacity = (this.#mask + 1) * 2;
    this.#ints = allocateInt32(capacity * 4);
    this.#sums = sumsOf(this.#ints);
    this.#mask = capacity - 1;
    this.#growAt = Math.floor(capacity * MAX_LOAD);
    const ints = this.#ints;
    for (let base = 0; base < old.length; base += 4) {
      const tag = old[base]!;
      if (tag === 0) continue;
      const col = old[base + 1]!;
      let slot = hash(tag - 1, col) & this.#mask;
      while (ints[slot << 2] !== 0) slot = (slot + 1) & this.#mask;
      ints[slot << 2] = tag;
      ints[(slot << 2) + 1] = col;
      this.#sums[(slot << 1) + 1] = oldSums[(base >> 1) + 1]!;
    }
    releaseArray(old);
  }
}

/** The float64 view of the slots (the sum is the second float64 of a slot). */
function sumsOf(ints: Int32Array): Float64Array {
  return new Float64Array(ints.buffer, ints.byteOffset, ints.length / 2);
}

/** Mixes (row, col) into 32 well-spread bits (a multiply-xorshift finaliser). */
function hash(row: number, col: number): number {
  let h = Math.imul(row, 0x9e3779b1) ^ col;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The pairs of a {@link SparseTable} in key order, read while the table is left unchanged. */
export class SparseTableSource implements MergeSource {
  key = Number.POSITIVE_INFINITY;
  sum = 0;
  readonly #table: SparseTable;
  readonly #keys: Float64Array;
  #next = 0;

  constructor(table: SparseTable) {
    this.#table = table;
    this.#keys = table.sortedKeys();
    this.advance();
  }

  advance(): void {
    if (this.#next === this.#keys.length) {
      this.key = Number.POSITIVE_INFINITY;
      return;
    }
    const key = this.#keys[this.#next++]!;
    const width = this.#table.width;
    const row = Math.floor(key / width);
    this.key = key;
    this.sum = this.#table.get(row, key - row * width);
  }
}
