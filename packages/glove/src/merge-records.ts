/**
 * The records the co-occurrence counter sorts and merges: (key, sum) pairs from its in-memory
 * tables and, in Node, its temporary run files.
 */

/** Bytes of one record in a run file: the packed key and the summed increment, two float64. */
export const RUN_RECORD_BYTES = 16;

/** A sorted stream of (key, sum) records, as the k-way merge reads it. */
export interface MergeSource {
  /** The current record's key, or `Infinity` when the source is exhausted. */
  readonly key: number;
  /** The current record's sum. */
  readonly sum: number;
  /** Moves to the next record. */
  advance(): void;
}

/** Where merged records go. */
export interface MergeSink {
  /** Takes the next record (keys arrive strictly ascending). */
  push(key: number, sum: number): void;
  /** Called when the merge fails after the sink was opened: gives back what the sink holds. */
  abandon?(): void;
}
