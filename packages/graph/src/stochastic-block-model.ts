import { ConfigError, Random } from '@embedkit/core-math';
import { type Graph, GraphBuilder } from './graph.js';

/** Options of {@link stochasticBlockModel}. */
export interface StochasticBlockModelOptions {
  /** Number of nodes, named `0` … `nodes - 1`. */
  readonly nodes: number;
  /** Number of blocks (communities); node `i` is in block `floor(i · blocks / nodes)`. */
  readonly blocks: number;
  /** Probability of an edge between two nodes of the same block. */
  readonly pIn: number;
  /** Probability of an edge between two nodes of different blocks. */
  readonly pOut: number;
  /** Seed (default 1). */
  readonly seed?: number;
}

/** A planted-partition graph with the block of every node as its label. */
export interface LabelledGraph {
  /** The undirected, unweighted graph. */
  readonly graph: Graph;
  /** Node name → its block (`b0`, `b1`, …). */
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * A seeded stochastic block model (planted partition): every pair of nodes is an edge
 * independently, with probability `pIn` inside a block and `pOut` across blocks. Pairs are skipped
 * geometrically (Batagelj & Brandes 2005), so the time is in proportion to the edges drawn, not to
 * the n² pairs: 100,000 nodes of average degree 10 take about a second. Nodes left with no edge
 * are isolated nodes of the graph (no walk, no vector).
 *
 * @example
 * ```ts
 * const { graph, labels } = stochasticBlockModel({ nodes: 10_000, blocks: 5, pIn: 0.004, pOut: 0.0002, seed: 1 });
 * ```
 * @throws ConfigError for a size or probability out of range
 */
export function stochasticBlockModel(options: StochasticBlockModelOptions): LabelledGraph {
  const { nodes, blocks, pIn, pOut } = options;
  if (!Number.isSafeInteger(nodes) || nodes < 2 || nodes > 2 ** 24) {
    throw new ConfigError('nodes', nodes, 'an integer from 2 to 2^24');
  }
  if (!Number.isSafeInteger(blocks) || blocks < 1 || blocks > nodes) {
    throw new ConfigError('blocks', blocks, `an integer from 1 to nodes (${nodes})`);
  }
  for (const [name, value] of [
    ['pIn', pIn],
    ['pOut', pOut],
  ] as const) {
    if (!(value >= 0 && value <= 1)) throw new ConfigError(name, value, 'a probability from 0 to 1');
  }
  const random = new Random(options.seed ?? 1);
  const blockStart = (b: number): number => Math.ceil((b * nodes) / blocks);
  const builder = new GraphBuilder();
  const labels = new Map<string, string>();
  for (let b = 0; b < blocks; b++) {
    for (let v = blockStart(b); v < blockStart(b + 1); v++) {
      builder.addNode(String(v));
      labels.set(String(v), `b${b}`);
    }
  }
  for (let a = 0; a < blocks; a++) {
    for (let b = a; b < blocks; b++) {
      const [aStart, aSize] = [blockStart(a), blockStart(a + 1) - blockStart(a)];
      const [bStart, bSize] = [blockStart(b), blockStart(b + 1) - blockStart(b)];
      const pairs = a === b ? (aSize * (aSize - 1)) / 2 : aSize * bSize;
      forEachDrawnPair(pairs, a === b ? pIn : pOut, random, (index) => {
        let u: number;
        let v: number;
        if (a === b) {
          // index → (row, column) of the strict upper triangle, row-major.
          const before = (r: number): number => (r * (2 * aSize - r - 1)) / 2;
          let row = Math.floor((2 * aSize - 1 - Math.sqrt((2 * aSize - 1) ** 2 - 8 * index)) / 2);
          while (row > 0 && before(row) > index) row--;
          while (before(row + 1) <= index) row++;
          const column = index - before(row) + row + 1;
          [u, v] = [aStart + row, aStart + column];
        } else {
          [u, v] = [aStart + Math.floor(index / bSize), bStart + (index % bSize)];
        }
        builder.addEdge(String(u), String(v));
      });
    }
  }
  return { graph: builder.build(false), labels };
}

/** Calls `take` with the index of every pair in 0..pairs-1 drawn with probability `p` (geometric skips). */
function forEachDrawnPair(pairs: number, p: number, random: Random, take: (index: number) => void): void {
  if (p <= 0) return;
  if (p >= 1) {
    for (let i = 0; i < pairs; i++) take(i);
    return;
  }
  const logMiss = Math.log1p(-p);
  let index = -1;
  for (;;) {
    index += 1 + Math.floor(Math.log(1 - random.nextFloat()) / logMiss);
    if (index >= pairs) return;
    take(index);
  }
}
