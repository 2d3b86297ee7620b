import { ConfigError } from './errors.js';

/** Options of {@link topK}. */
export interface TopKOptions {
  /**
   * Entries for which this returns `true` are never selected (for example the query words). It is
   * called only for entries whose score would enter the current top k.
   */
  readonly exclude?: (index: number) => boolean;
  /**
   * Consider only the first `limit` entries (gensim's `restrict_vocab`: rows are sorted by
   * frequency, so this keeps the most frequent words). Default: all of them.
   */
  readonly limit?: number;
}

/** The result of {@link topK}: parallel arrays, best first. */
export interface TopKResult {
  /** Indices of the selected entries, by descending score; equal scores by ascending index. */
  readonly indices: Int32Array;
  /** Their scores, in the same order. */
  readonly scores: Float32Array;
}

/**
 * The `k` highest scores and their indices, sorted by descending score with ties broken by the
 * lower index — the order a stable descending sort gives. Uses a bounded min-heap of `k` entries:
 * O(n log k) time and O(k) memory. NaN scores are never selected. Returns fewer than `k` entries
 * when fewer are eligible.
 *
 * @param scores - one score per entry (for example the cosine similarity of every row to a query)
 * @param k - how many to return, an integer >= 0
 * @throws ConfigError when `k` or `limit` is not a non-negative integer
 *
 * @example
 * ```ts
 * const { indices, scores } = topK(similarities, 10, { exclude: (i) => i === queryRow });
 * ```
 */
export function topK(scores: ArrayLike<number>, k: number, options: TopKOptions = {}): TopKResult {
  if (!Number.isInteger(k) || k < 0) throw new ConfigError('k', k, 'an integer >= 0');
  const { exclude, limit = scores.length } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new ConfigError('limit', limit, 'an integer >= 0');
  const end = Math.min(limit, scores.length);
  const capacity = Math.min(k, end);
  // heapScores[0] / heapIndices[0] is the worst kept entry: lowest score, then highest index.
  const heapScores = new Float64Array(capacity);
  const heapIndices = new Int32Array(capacity);
  let size = 0;
  if (capacity > 0) {
    for (let i = 0; i < end; i++) {
      const score = scores[i]!;
      if (Number.isNaN(score)) continue;
      if (size === capacity && score <= heapScores[0]!) continue; // a tie loses to the lower index
      if (exclude?.(i)) continue;
      if (size < capacity) {
        siftUp(heapScores, heapIndices, size, score, i);
        size++;
      } else {
        siftDown(heapScores, heapIndices, size, score, i);
      }
    }
  }
  const indices = new Int32Array(size);
  const sorted = new Float32Array(size);
  for (let last = size - 1; last >= 0; last--) {
    indices[last] = heapIndices[0]!;
    sorted[last] = heapScores[0]!;
    // Move the last heap entry to the root and restore the heap over the remaining `last` entries.
    siftDown(heapScores, heapIndices, last, heapScores[last]!, heapIndices[last]!);
  }
  return { indices, scores: sorted };
}

/** Whether entry (scoreA, indexA) ranks below entry (scoreB, indexB). */
function worse(scoreA: number, indexA: number, scoreB: number, indexB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && indexA > indexB);
}

/** Inserts (score, index) at position `at` (the heap's current size) and moves it up. */
function siftUp(scores: Float64Array, indices: Int32Array, at: number, score: number, index: number): void {
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!worse(score, index, scores[parent]!, indices[parent]!)) break;
    scores[child] = scores[parent]!;
    indices[child] = indices[parent]!;
    child = parent;
  }
  scores[child] = score;
  indices[child] = index;
}

/** Replaces the root of a heap of `size` entries by (score, index) and moves it down. */
function siftDown(
  scores: Float64Array,
  indices: Int32Array,
  size: number,
  score: number,
  index: number,
): void {
  if (size === 0) return;
  let parent = 0;
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && worse(scores[right]!, indices[right]!, scores[child]!, indices[child]!))
      child = right;
    if (!worse(scores[child]!, indices[child]!, score, index)) break;
    scores[parent] = scores[child]!;
    indices[parent] = indices[child]!;
    parent = child;
  }
  scores[parent] = score;
  indices[parent] = index;
}
