import { throwIfAborted, topK } from '@embedkit/core-math';
import { allocateFloat32, allocateInt32, releaseArray } from '@embedkit/core-math/kernels';

/**
 * Scores every query of a batch against one block of rows at a time: the search walks the rows
 * block by block and, inside a block, query by query (in chunks of rows, so a query's threshold
 * rises early), so work shared by the queries (the products of the block with every query term)
 * is done once per block.
 */
export interface BlockScorer {
  /** Number of queries in the batch. */
  readonly queryCount: number;
  /** Called once per block, before its queries are scored (e.g. to compute shared products). */
  prepareBlock(rowStart: number, rows: number): void;
  /**
   * The rows of the prepared block from `offset` to `offset + rows` whose score for `query`
   * exceeds `threshold` (a float32 value or -Infinity; NaN scores never do): writes each one's
   * position `r` (the row is `rowStart + offset + r`) to `indices` and its score to `scores`, in
   * row order, and returns how many. Both arrays are in the kernel memory with room for `rows`.
   */
  scoreAbove(
    query: number,
    offset: number,
    rows: number,
    threshold: number,
    scores: Float32Array,
    indices: Int32Array,
  ): number;
  /** Rows that must not be returned for `query`. */
  excludedRows(query: number): readonly number[];
}

/** The best `k` rows of every query: query `q` owns `indices`/`scores` `[q*k, q*k + counts[q])`. */
export interface BatchTopK {
  readonly k: number;
  readonly counts: Int32Array;
  readonly indices: Int32Array;
  readonly scores: Float32Array;
}

/** Rows of a block scored per call, so a query's threshold (its k-th best) rises early. */
const CHUNK_ROWS = 1024;

/** Floats of the matrix read per cache block (256 KiB: it stays in a core's L2 cache). */
const BLOCK_FLOATS = 1 << 16;

/** Rows of dimension `dim` that fit in one cache block. */
export function cacheBlockRows(dim: number): number {
  return Math.max(16, Math.floor(BLOCK_FLOATS / dim));
}

/**
 * The `k` highest-scoring rows among `0 .. rowCount` for every query of `scorer`, in descending
 * order of score; of equal scores the lower row comes first. Each block is scored in chunks of
 * `chunkRows` rows per query, and once a query has k rows only the rows that beat its current k-th
 * best are ranked.
 */
export function blockedTopK(
  scorer: BlockScorer,
  rowCount: number,
  k: number,
  blockRows: number,
  signal?: AbortSignal,
  chunkRows = CHUNK_ROWS,
): BatchTopK {
  const queries = scorer.queryCount;
  const counts = new Int32Array(queries);
  const indices = new Int32Array(queries * k);
  const scores = new Float32Array(queries * k);
  const chunk = Math.min(blockRows, rowCount, chunkRows);
  const candidateScores = allocateFloat32(chunk);
  const candidateRows = allocateInt32(chunk);
  const mergedIndices = new Int32Array(k);
  const mergedScores = new Float32Array(k);
  try {
    for (let rowStart = 0; rowStart < rowCount; rowStart += blockRows) {
      throwIfAborted(signal);
      const rows = Math.min(blockRows, rowCount - rowStart);
      scorer.prepareBlock(rowStart, rows);
      for (let q = 0; q < queries; q++) {
        const base = q * k;
        const excluded = scorer.excludedRows(q);
        for (let offset = 0; offset < rows; offset += chunk) {
          const from = rowStart + offset;
          const n = Math.min(chunk, rows - offset);
          const have = counts[q]!;
          // Only rows that beat the k-th best so far can enter (a tie loses to the earlier row).
          const threshold = have === k ? scores[base + k - 1]! : Number.NEGATIVE_INFINITY;
          let candidates = scorer.scoreAbove(q, offset, n, threshold, candidateScores, candidateRows);
          for (const row of excluded) {
            if (row >= from && row < from + n)
              candidates = withoutRow(row - from, candidateScores, candidateRows, candidates);
          }
          if (candidates === 0) continue;
          const best = topK(candidateScores.subarray(0, candidates), k);
          let i = 0;
          let j = 0;
          let m = 0;
          while (m < k && (i < have || j < best.indices.length)) {
            if (j >= best.indices.length || (i < have && scores[base + i]! >= best.scores[j]!)) {
              mergedIndices[m] = indices[base + i]!;
              mergedScores[m++] = scores[base + i++]!;
            } else {
              mergedIndices[m] = from + candidateRows[best.indices[j]!]!;
              mergedScores[m++] = best.scores[j++]!;
            }
          }
          indices.set(mergedIndices.subarray(0, m), base);
          scores.set(mergedScores.subarray(0, m), base);
          counts[q] = m;
        }
      }
    }
  } finally {
    releaseArray(candidateScores);
    releaseArray(candidateRows);
  }
  return { k, counts, indices, scores };
}

/** Removes position `position` from the first `count` candidates (if there); returns the new count. */
function withoutRow(position: number, scores: Float32Array, rows: Int32Array, count: number): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (rows[i] === position) continue;
    rows[kept] = rows[i]!;
    scores[kept++] = scores[i]!;
  }
  return kept;
}
