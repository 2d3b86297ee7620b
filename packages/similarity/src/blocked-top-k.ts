import { throwIfAborted, topK } from '@embedkit/core-math';

/**
 * Scores every query of a batch against one block of rows at a time: the search walks the rows
 * block by block and, inside a block, query by query, so work shared by the queries (the
 * products of the block with every query term) is done once per block.
 */
export interface BlockScorer {
  /** Number of queries in the batch. */
  readonly queryCount: number;
  /** Called once per block, before its queries are scored (e.g. to compute shared products). */
  prepareBlock(rowStart: number, rows: number): void;
  /** Writes the scores of `query` against rows `rowStart .. rowStart + rows` to `out[0 .. rows]`. */
  scoreQuery(query: number, rowStart: number, rows: number, out: Float32Array): void;
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

/** Floats of the matrix read per cache block (256 KiB: it stays in a core's L2 cache). */
const BLOCK_FLOATS = 1 << 16;

/** Rows of dimension `dim` that fit in one cache block. */
export function cacheBlockRows(dim: number): number {
  return Math.max(16, Math.floor(BLOCK_FLOATS / dim));
}

/**
 * The `k` highest-scoring rows among `0 .. rowCount` for every query of `scorer`, in descending
 * order of score; of equal scores the lower row comes first. After the first block only the rows
 * that beat a query's current k-th best are ranked.
 */
export function blockedTopK(
  scorer: BlockScorer,
  rowCount: number,
  k: number,
  blockRows: number,
  signal?: AbortSignal,
): BatchTopK {
  const queries = scorer.queryCount;
  const counts = new Int32Array(queries);
  const indices = new Int32Array(queries * k);
  const scores = new Float32Array(queries * k);
  const size = Math.min(blockRows, rowCount);
  const block = new Float32Array(size);
  const candidateScores = new Float32Array(size);
  const candidateRows = new Int32Array(size);
  const mergedIndices = new Int32Array(k);
  const mergedScores = new Float32Array(k);
  for (let rowStart = 0; rowStart < rowCount; rowStart += blockRows) {
    throwIfAborted(signal);
    const rows = Math.min(blockRows, rowCount - rowStart);
    scorer.prepareBlock(rowStart, rows);
    for (let q = 0; q < queries; q++) {
      scorer.scoreQuery(q, rowStart, rows, block);
      for (const row of scorer.excludedRows(q)) {
        if (row >= rowStart && row < rowStart + rows) block[row - rowStart] = Number.NEGATIVE_INFINITY;
      }
      const base = q * k;
      const have = counts[q]!;
      // Only rows that beat the k-th best so far can enter (a tie loses to the earlier row).
      const threshold = have === k ? scores[base + k - 1]! : Number.NEGATIVE_INFINITY;
      let candidates = 0;
      for (let r = 0; r < rows; r++) {
        const score = block[r]!;
        if (score > threshold) {
          candidateScores[candidates] = score;
          candidateRows[candidates++] = rowStart + r;
        }
      }
      if (candidates === 0) continue;
      const best = topK(candidateScores.subarray(0, candidates), k);
      let i = 0;
      let j = 0;
      let n = 0;
      while (n < k && (i < have || j < best.indices.length)) {
        if (j >= best.indices.length || (i < have && scores[base + i]! >= best.scores[j]!)) {
          mergedIndices[n] = indices[base + i]!;
          mergedScores[n++] = scores[base + i++]!;
        } else {
          mergedIndices[n] = candidateRows[best.indices[j]!]!;
          mergedScores[n++] = best.scores[j++]!;
        }
      }
      indices.set(mergedIndices.subarray(0, n), base);
      scores.set(mergedScores.subarray(0, n), base);
      counts[q] = n;
    }
  }
  return { k, counts, indices, scores };
}
