import { availableParallelism } from 'node:os';
import { ConfigError, Random, type TrainContext, throwIfAborted } from '@embedkit/core-math';
import type { IdSequences } from '@embedkit/word2vec';
import type { Graph } from './graph.js';
import { runWalks } from './walk-kernel.js';
import { buildWalkTables } from './walk-tables.js';
import { runWalkWorkers } from './walk-workers.js';

/** How node2vec draws the biased step. */
export type WalkSampler = 'rejection' | 'alias';

/** Options of {@link generateWalks}. */
export interface WalkOptions {
  /** Nodes per walk, the start included (default 80). */
  readonly walkLength: number;
  /** Walks started from every node with an out-edge (default 10). */
  readonly walksPerNode: number;
  /** Return parameter, above 0 (default 1): going back to the previous node is weighted `1/p`. */
  readonly p: number;
  /** In-out parameter, above 0 (default 1): moving away from the previous node is weighted `1/q`. */
  readonly q: number;
  /**
   * `rejection` (default): draw by edge weight and accept with the node2vec bias; memory O(edges).
   * `alias`: precompute one alias table per edge as the node2vec reference code does; memory
   * 8 bytes × Σ over arcs t → v of deg(v), for small dense graphs.
   */
  readonly sampler: WalkSampler;
}

/** The node2vec paper's settings: walks of 80 nodes, 10 per node, p = q = 1, rejection sampling. */
export const WALK_DEFAULTS: Readonly<WalkOptions> = Object.freeze({
  walkLength: 80,
  walksPerNode: 10,
  p: 1,
  q: 1,
  sampler: 'rejection',
});

/** Random walks as id sequences over `graph.nodes`, with what was left out. */
export interface Walks extends IdSequences {
  /** Nodes with no out-edge: no walk starts there (undirected: isolated nodes, which get no vector). */
  readonly nodesWithoutWalks: number;
}

/**
 * Checks walk options and fills in the defaults.
 *
 * @throws ConfigError naming the option for a value out of range
 */
export function resolveWalkOptions(options: Partial<WalkOptions> = {}): WalkOptions {
  const resolved = { ...WALK_DEFAULTS, ...options };
  for (const key of ['walkLength', 'walksPerNode'] as const) {
    const value = resolved[key];
    if (!Number.isSafeInteger(value) || value < 1)
      throw new ConfigError(key, value, 'an integer of at least 1');
  }
  for (const key of ['p', 'q'] as const) {
    const value = resolved[key];
    if (typeof value !== 'number' || !(value > 0 && value < Number.POSITIVE_INFINITY)) {
      throw new ConfigError(key, value, 'a finite number above 0');
    }
  }
  if (resolved.sampler !== 'rejection' && resolved.sampler !== 'alias') {
    throw new ConfigError('sampler', resolved.sampler, '"rejection" or "alias"');
  }
  return resolved;
}

/** Below this many steps the walks run on the calling thread (starting workers costs more). */
const IN_THREAD_STEPS = 2_000_000;

/**
 * Random walks on `graph` (DeepWalk when `p = q = 1`, node2vec otherwise): `walksPerNode` rounds,
 * each starting one walk from every node with an out-edge in a shuffled order (as the node2vec
 * reference code). A walk stops early at a node with no out-edge (a dead end of a directed graph).
 * Walk `k` draws from its own random stream, so the walks are the same for a seed whatever
 * `context.threads` is; with several threads, worker threads take contiguous ranges of walks.
 * Memory: 4 bytes × walkLength per walk (the result), plus the tables of the sampler.
 *
 * @example
 * ```ts
 * const walks = await generateWalks(graph, { p: 1, q: 0.5 }, { seed: 1, threads: 2 });
 * ```
 * @throws ConfigError for a bad option
 * @throws CancelledError when `context.signal` aborts
 */
export async function generateWalks(
  graph: Graph,
  options: Partial<WalkOptions> = {},
  context: TrainContext = {},
): Promise<Walks> {
  const settings = resolveWalkOptions(options);
  const seed = context.seed ?? 1;
  throwIfAborted(context.signal, 'walks');
  const starters: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) if (graph.degree(v) > 0) starters.push(v);
  const walkCount = starters.length * settings.walksPerNode;
  const startNodes = new Int32Array(new SharedArrayBuffer(4 * walkCount));
  const order = new Random(seed);
  for (let round = 0; round < settings.walksPerNode; round++) {
    const shuffled = startNodes.subarray(round * starters.length, (round + 1) * starters.length);
    shuffled.set(starters);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = order.nextInt(i + 1);
      const swap = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = swap;
    }
  }
  const threads = Math.max(1, Math.min(context.threads ?? availableParallelism(), availableParallelism()));
  const parallel = threads > 1 && walkCount * settings.walkLength >= IN_THREAD_STEPS;
  const tables = buildWalkTables(
    graph,
    settings.sampler === 'alias' ? settings : null,
    parallel ? (bytes) => new SharedArrayBuffer(bytes) : undefined,
  );
  const slots = walkCount * settings.walkLength;
  if (slots > 2 ** 31 - 1) {
    throw new ConfigError(
      'walksPerNode',
      settings.walksPerNode,
      `fewer walks: ${slots} steps exceed 2^31 - 1`,
    );
  }
  const out = new Int32Array(parallel ? new SharedArrayBuffer(4 * slots) : new ArrayBuffer(4 * slots));
  const lengths = new Int32Array(
    parallel ? new SharedArrayBuffer(4 * walkCount) : new ArrayBuffer(4 * walkCount),
  );
  const kernel = { walkLength: settings.walkLength, p: settings.p, q: settings.q };
  if (parallel) {
    await runWalkWorkers(
      { tables, settings: kernel, seed, startNodes, out, lengths },
      threads,
      context.signal,
    );
  } else {
    runWalks(tables, kernel, seed, startNodes, 0, walkCount, out, lengths);
  }
  throwIfAborted(context.signal, 'walks');
  const nodesWithoutWalks = graph.nodeCount - starters.length;
  context.onProgress?.({
    phase: 'walks',
    processed: walkCount,
    total: walkCount,
    unit: 'walks',
    fraction: 1,
    ...(nodesWithoutWalks === 0
      ? {}
      : { message: `${nodesWithoutWalks} nodes have no out-edge: no walk starts there` }),
  });
  return { ...compact(out, lengths, settings.walkLength), nodesWithoutWalks };
}

/** Moves walks of fixed slots together (in place) and records where each starts. */
function compact(out: Int32Array, lengths: Int32Array, walkLength: number): IdSequences {
  const sentenceStarts = new Int32Array(lengths.length + 1);
  let length = 0;
  for (let k = 0; k < lengths.length; k++) {
    const slot = k * walkLength;
    const size = lengths[k]!;
    if (slot !== length) out.copyWithin(length, slot, slot + size);
    length += size;
    sentenceStarts[k + 1] = length;
  }
  return { ids: out.subarray(0, length), sentenceStarts };
}
