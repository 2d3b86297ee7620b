import { releaseArray } from '@embedkit/core-math/kernels';
import { allocateFloat64 } from './kernel-float64.js';
import type { MergeSource } from './merge-records.js';

/**
 * The frequent-pair array of Stanford `cooccur`: word ids are frequency ranks, and every pair whose
 * ranks multiply to at most `maxProduct` ((row + 1) * (col + 1) <= maxProduct) has its own cell in a
 * flat `Float64Array`. Row r holds columns 0..min(V, maxProduct / (r + 1)) - 1, so the region covers
 * the pairs that take most increments (a frequent word with anything, two mid-frequency words) in
 * O(maxProduct · log V) cells; the rest go to the sparse table.
 */
export class DenseRegion {
  /** Columns stored for each row (0 for rows outside the region). */
  readonly rowLengths: Int32Array;
  /** Index of each row's first cell in {@link DenseRegion.cells}. */
  readonly rowStarts: Float64Array;
  /** The summed increments (in the kernel memory, see {@link allocateFloat64}). */
  readonly cells: Float64Array;
  readonly #block: Float32Array;

  /**
   * @param vocabSize - number of words (rows and columns)
   * @param maxCells - most cells the region may take; it takes the largest rank-product region that fits
   */
  constructor(vocabSize: number, maxCells: number) {
    const maxProduct = largestProduct(vocabSize, maxCells);
    this.rowLengths = new Int32Array(vocabSize);
    this.rowStarts = new Float64Array(vocabSize);
    let start = 0;
    for (let r = 0; r < vocabSize; r++) {
      const length = rowLength(vocabSize, maxProduct, r);
      this.rowLengths[r] = length;
      this.rowStarts[r] = start;
      start += length;
    }
    const { values, block } = allocateFloat64(start);
    this.cells = values;
    this.#block = block;
  }

  /** Cells holding a non-zero sum (one pass over the region). */
  countNonZero(): number {
    let count = 0;
    for (const sum of this.cells) if (sum !== 0) count++;
    return count;
  }

  /** Bytes the cells take. */
  get bytes(): number {
    return this.cells.byteLength;
  }

  /** Gives the cells back to the kernel memory; the region must not be used afterwards. */
  release(): void {
    releaseArray(this.#block);
  }
}

function rowLength(vocabSize: number, maxProduct: number, row: number): number {
  return Math.min(vocabSize, Math.floor(maxProduct / (row + 1)));
}

/** Cells of the region of rank products up to `maxProduct`. */
export function cellsFor(vocabSize: number, maxProduct: number): number {
  let cells = 0;
  for (let r = 0; r < vocabSize; r++) {
    const length = rowLength(vocabSize, maxProduct, r);
    if (length === 0) break;
    cells += length;
  }
  return cells;
}

/** The largest rank product whose region takes at most `maxCells` cells (binary search: cells grow with it). */
function largestProduct(vocabSize: number, maxCells: number): number {
  let low = 0;
  let high = vocabSize * vocabSize;
  if (cellsFor(vocabSize, high) <= maxCells) return high;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (cellsFor(vocabSize, mid) <= maxCells) low = mid;
    else high = mid;
  }
  return low;
}

/** The non-zero cells of a {@link DenseRegion} in key order (key = row · V + column). */
export class DenseRegionSource implements MergeSource {
  key = Number.POSITIVE_INFINITY;
  sum = 0;
  readonly #region: DenseRegion;
  #row = 0;
  #col = -1;

  constructor(region: DenseRegion) {
    this.#region = region;
    this.advance();
  }

  advance(): void {
    const { rowLengths, rowStarts, cells } = this.#region;
    const vocabSize = rowLengths.length;
    let row = this.#row;
    let col = this.#col + 1;
    while (row < vocabSize) {
      const length = rowLengths[row]!;
      const start = rowStarts[row]!;
      for (; col < length; col++) {
        const sum = cells[start + col]!;
        if (sum !== 0) {
          this.#row = row;
          this.#col = col;
          this.key = row * vocabSize + col;
          this.sum = sum;
          return;
        }
      }
      if (length === 0) break;
      row++;
      col = 0;
    }
    this.#row = vocabSize;
    this.key = Number.POSITIVE_INFINITY;
  }
}
