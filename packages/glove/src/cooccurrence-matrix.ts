/** How a count was made. */
export interface CooccurrenceStats {
  /** In-vocabulary tokens read (out-of-vocabulary tokens are dropped before windowing). */
  readonly tokens: number;
  /** Sorted runs written to temporary files because the sparse counts outgrew the memory budget. */
  readonly spilledRuns: number;
  /** Intermediate merges of runs into bigger runs (when there were more runs than could be merged at once). */
  readonly mergePasses: number;
}

/**
 * Weighted word-word co-occurrence counts X_ij in coordinate form, sorted by row then column (as
 * `cooccur` writes them): entry k says word `rows[k]` had word `cols[k]` in its context with summed
 * weight `values[k]` (each co-occurrence at distance d adds 1/d). Word ids are vocabulary indices.
 */
export class CooccurrenceMatrix {
  /** Number of words (rows and columns). */
  readonly vocabSize: number;
  /** Row (word) of each entry. */
  readonly rows: Int32Array;
  /** Column (context word) of each entry. */
  readonly cols: Int32Array;
  /** Weighted count of each entry (always > 0). */
  readonly values: Float64Array;
  /** How the counts were made. */
  readonly stats: CooccurrenceStats;

  constructor(
    vocabSize: number,
    rows: Int32Array,
    cols: Int32Array,
    values: Float64Array,
    stats: CooccurrenceStats,
  ) {
    this.vocabSize = vocabSize;
    this.rows = rows;
    this.cols = cols;
    this.values = values;
    this.stats = stats;
  }

  /** Number of non-zero entries. */
  get size(): number {
    return this.values.length;
  }

  /** X[row][col], 0 when the pair never co-occurred (binary search). */
  get(row: number, col: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const r = this.rows[mid]!;
      if (r < row || (r === row && this.cols[mid]! < col)) low = mid + 1;
      else high = mid;
    }
    return low < this.values.length && this.rows[low] === row && this.cols[low] === col
      ? this.values[low]!
      : 0;
  }
}
