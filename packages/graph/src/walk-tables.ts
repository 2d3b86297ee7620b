import { ConfigError } from '@embedkit/core-math';
import { type Graph, arcIndex } from './graph.js';

/**
 * Packed alias tables (Walker's method, Vose's construction) of many small distributions, one per
 * segment: segment `s` is `accept[start(s) .. start(s) + size(s))` with `alias` at the same
 * positions (indices local to the segment). A draw picks a column `i` uniformly and keeps it when a
 * uniform float is below `accept[i]`, else takes `alias[i]`. 8 bytes per entry.
 */
export interface PackedAliasTables {
  /** Per entry: keep the column when a uniform [0, 1) draw is below this. */
  readonly accept: Float32Array;
  /** Per entry: the column (local to its segment) taken otherwise. */
  readonly alias: Int32Array;
}

/**
 * Everything a walk reads, as typed arrays that can live in shared memory (worker threads read them
 * without a copy).
 */
export interface WalkTables {
  /** The graph's CSR offsets. */
  readonly offsets: Int32Array;
  /** The graph's CSR targets (sorted per node, so membership is a binary search). */
  readonly targets: Int32Array;
  /** First-order tables by edge weight, one segment per node at its CSR range; `null` when unweighted. */
  readonly firstOrder: PackedAliasTables | null;
  /**
   * Second-order tables (the `alias` sampler): for the arc at CSR position `a` (t → v), a segment at
   * `arcStarts[a]` over v's out-edges weighted `w(v, x) · bias(t, x)`. `null` with rejection sampling.
   */
  readonly secondOrder: (PackedAliasTables & { readonly arcStarts: Int32Array }) | null;
}

/** Most entries of the second-order alias tables (8 bytes each: 1 GiB). */
export const MAX_SECOND_ORDER_ENTRIES = 2 ** 27;

/**
 * The tables of walks on `graph`: first-order alias tables when the graph is weighted, and with
 * `secondOrder` (node2vec's `alias` sampler) one table per arc, as the node2vec reference code
 * precomputes them: Σ over arcs t → v of deg(v) entries.
 *
 * @throws ConfigError when the second-order tables would exceed {@link MAX_SECOND_ORDER_ENTRIES}
 *   entries (use the rejection sampler)
 */
export function buildWalkTables(
  graph: Graph,
  secondOrder: { readonly p: number; readonly q: number } | null,
  allocate: (length: number) => ArrayBuffer | SharedArrayBuffer = (bytes) => new ArrayBuffer(bytes),
): WalkTables {
  const copy = <T extends Int32Array | Float32Array>(array: T, make: (buffer: ArrayBufferLike) => T): T => {
    const result = make(allocate(array.byteLength));
    result.set(array);
    return result;
  };
  const offsets = copy(graph.offsets, (b) => new Int32Array(b));
  const targets = copy(graph.targets, (b) => new Int32Array(b));
  const newTables = (entries: number): PackedAliasTables => ({
    accept: new Float32Array(allocate(4 * entries)),
    alias: new Int32Array(allocate(4 * entries)),
  });
  let firstOrder: PackedAliasTables | null = null;
  if (graph.weights !== null) {
    firstOrder = newTables(targets.length);
    for (let v = 0; v < graph.nodeCount; v++) {
      fillAliasSegment(graph.weights, offsets[v]!, offsets[v + 1]!, firstOrder, offsets[v]!);
    }
  }
  if (secondOrder === null) return { offsets, targets, firstOrder, secondOrder: null };
  return {
    offsets,
    targets,
    firstOrder,
    secondOrder: secondOrderTables(graph, secondOrder, newTables, allocate),
  };
}

function secondOrderTables(
  graph: Graph,
  { p, q }: { readonly p: number; readonly q: number },
  newTables: (entries: number) => PackedAliasTables,
  allocate: (length: number) => ArrayBuffer | SharedArrayBuffer,
): PackedAliasTables & { readonly arcStarts: Int32Array } {
  const { offsets, targets } = graph;
  let entries = 0;
  for (let a = 0; a < targets.length; a++) entries += graph.degree(targets[a]!);
  if (entries > MAX_SECOND_ORDER_ENTRIES) {
    throw new ConfigError(
      'sampler',
      'alias',
      `"rejection" for this graph: its per-edge alias tables would hold ${entries} entries (${Math.round((8 * entries) / 2 ** 20)} MiB), more than ${MAX_SECOND_ORDER_ENTRIES}`,
    );
  }
  const tables = newTables(entries);
  const arcStarts = new Int32Array(allocate(4 * targets.length));
  const weights = new Float64Array(Math.max(1, maxDegree(graph)));
  let start = 0;
  for (let t = 0; t < graph.nodeCount; t++) {
    for (let a = offsets[t]!; a < offsets[t + 1]!; a++) {
      const v = targets[a]!;
      const first = offsets[v]!;
      const size = offsets[v + 1]! - first;
      for (let j = 0; j < size; j++) {
        const x = targets[first + j]!;
        const w = graph.weights === null ? 1 : graph.weights[first + j]!;
        const bias = x === t ? 1 / p : arcIndex(targets, offsets[t]!, offsets[t + 1]!, x) >= 0 ? 1 : 1 / q;
        weights[j] = w * bias;
      }
      arcStarts[a] = start;
      fillAliasSegment(weights, 0, size, tables, start);
      start += size;
    }
  }
  return { ...tables, arcStarts };
}

function maxDegree(graph: Graph): number {
  let most = 0;
  for (let v = 0; v < graph.nodeCount; v++) most = Math.max(most, graph.degree(v));
  return most;
}

/**
 * Fills the alias table of the distribution `weights[from .. end)` (positive weights, in
 * proportion) into `tables` at `at` (Vose's construction, in double precision).
 */
export function fillAliasSegment(
  weights: ArrayLike<number>,
  from: number,
  end: number,
  tables: PackedAliasTables,
  at: number,
): void {
  const size = end - from;
  if (size === 0) return;
  let total = 0;
  for (let i = from; i < end; i++) total += weights[i]!;
  const scaled = new Float64Array(size);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < size; i++) {
    scaled[i] = (weights[from + i]! * size) / total;
    (scaled[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const less = small.pop()!;
    const more = large[large.length - 1]!;
    tables.accept[at + less] = scaled[less]!;
    tables.alias[at + less] = more;
    scaled[more] = scaled[more]! + scaled[less]! - 1;
    if (scaled[more]! < 1) small.push(large.pop()!);
  }
  for (const i of large) {
    tables.accept[at + i] = 1;
    tables.alias[at + i] = i;
  }
  for (const i of small) {
    tables.accept[at + i] = 1;
    tables.alias[at + i] = i;
  }
}
