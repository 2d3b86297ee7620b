import type { MergeSink, MergeSource } from './merge-records.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Records merged between two looks at the event loop (and the abort signal). */
const RECORDS_PER_YIELD = 1 << 18;

/**
 * Merges sorted `sources` into `sink` with a binary heap, summing the records that share a key
 * (as `cooccur` merges its overflow files). Returns the number of records written.
 */
export async function mergeSources(
  sources: readonly MergeSource[],
  sink: MergeSink,
  signal: AbortSignal | undefined,
): Promise<number> {
  const heap = sources.filter((source) => source.key !== Number.POSITIVE_INFINITY);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  let written = 0;
  let key = Number.NaN;
  let sum = 0;
  while (heap.length > 0) {
    const top = heap[0]!;
    if (top.key === key) {
      sum += top.sum;
    } else {
      if (!Number.isNaN(key)) {
        sink.push(key, sum);
        if (++written % RECORDS_PER_YIELD === 0) await yieldToEventLoop(signal, 'merging co-occurrence runs');
      }
      key = top.key;
      sum = top.sum;
    }
    top.advance();
    if (top.key === Number.POSITIVE_INFINITY) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(heap, 0);
  }
  if (!Number.isNaN(key)) {
    sink.push(key, sum);
    written++;
  }
  return written;
}

function siftDown(heap: MergeSource[], index: number): void {
  const length = heap.length;
  const item = heap[index]!;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= length) break;
    if (child + 1 < length && heap[child + 1]!.key < heap[child]!.key) child++;
    if (heap[child]!.key >= item.key) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = item;
}
