import { ConfigError } from '@embedkit/core-math';

/**
 * A graph in compressed sparse row form: the out-neighbours of node `v` are
 * `targets[offsets[v] .. offsets[v + 1])`, sorted by id, with their edge weights at the same
 * positions of `weights`. Node names are arbitrary strings, interned once (`nodes[v]` is the name of
 * id `v`; names like `__proto__` are ordinary). An undirected edge is stored in both directions, a
 * self-loop once. Memory: 4 bytes per offset and per stored arc, 4 more per arc when weighted.
 * Build one with {@link GraphBuilder}, `readEdgeList` or `graphFromEdges`.
 */
export class Graph {
  /** Node names by id. */
  readonly nodes: readonly string[];
  /** Whether edges have a direction (`u v` is then only u → v). */
  readonly directed: boolean;
  /** `nodeCount + 1` offsets into `targets`. */
  readonly offsets: Int32Array;
  /** Out-neighbour ids, each node's sorted ascending. */
  readonly targets: Int32Array;
  /** Edge weights aligned with `targets`, or `null` when every weight is 1. */
  readonly weights: Float32Array | null;
  /** Number of edges as given (an undirected edge counts once, duplicates merged). */
  readonly edgeCount: number;
  readonly #ids: ReadonlyMap<string, number>;

  /** Takes the arrays as they are; {@link GraphBuilder} makes them. */
  constructor(parts: {
    readonly nodes: readonly string[];
    readonly ids: ReadonlyMap<string, number>;
    readonly directed: boolean;
    readonly offsets: Int32Array;
    readonly targets: Int32Array;
    readonly weights: Float32Array | null;
    readonly edgeCount: number;
  }) {
    this.nodes = parts.nodes;
    this.#ids = parts.ids;
    this.directed = parts.directed;
    this.offsets = parts.offsets;
    this.targets = parts.targets;
    this.weights = parts.weights;
    this.edgeCount = parts.edgeCount;
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** The id of node `name`, or -1 when the graph has no such node. */
  id(name: string): number {
    return this.#ids.get(name) ?? -1;
  }

  /** Number of out-neighbours of node `v`. */
  degree(v: number): number {
    return this.offsets[v + 1]! - this.offsets[v]!;
  }

  /** The out-neighbours of node `v` (a view, sorted by id). */
  neighbors(v: number): Int32Array {
    return this.targets.subarray(this.offsets[v]!, this.offsets[v + 1]!);
  }

  /** Whether there is an edge u → v (binary search in u's sorted neighbours). */
  hasEdge(u: number, v: number): boolean {
    return arcIndex(this.targets, this.offsets[u]!, this.offsets[u + 1]!, v) >= 0;
  }

  /** The weight of edge u → v, or 0 when there is none. */
  weight(u: number, v: number): number {
    const at = arcIndex(this.targets, this.offsets[u]!, this.offsets[u + 1]!, v);
    if (at < 0) return 0;
    return this.weights === null ? 1 : this.weights[at]!;
  }

  /** Every edge once as `[u, v, weight]` ids (an undirected edge with `u <= v`). */
  *edges(): IterableIterator<[number, number, number]> {
    for (let u = 0; u < this.nodeCount; u++) {
      for (let at = this.offsets[u]!; at < this.offsets[u + 1]!; at++) {
        const v = this.targets[at]!;
        if (this.directed || u <= v) yield [u, v, this.weights === null ? 1 : this.weights[at]!];
      }
    }
  }
}

/** The position of `v` in `targets[start..end)` (sorted), or -1. */
export function arcIndex(targets: Int32Array, start: number, end: number, v: number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = targets[middle]!;
    if (found === v) return middle;
    if (found < v) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Collects nodes and edges, then builds a {@link Graph}. Node names are interned as they come
 * (ids in order of first appearance). Self-loops are kept (a walk may stay on the node, as in
 * networkx); an edge given twice is one edge whose weight is the last one given (as networkx's
 * `read_edgelist`).
 */
export class GraphBuilder {
  readonly #ids = new Map<string, number>();
  readonly #nodes: string[] = [];
  readonly #sources: number[] = [];
  readonly #destinations: number[] = [];
  readonly #weights: number[] = [];

  /** Adds node `name` (with no edge, it is isolated) and returns its id. */
  addNode(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.#nodes.length;
      this.#ids.set(name, id);
      this.#nodes.push(name);
    }
    return id;
  }

  /**
   * Adds the edge `u v` with `weight` (default 1).
   *
   * @throws ConfigError when the weight is not a finite number above 0
   */
  addEdge(u: string, v: string, weight = 1): void {
    if (!(weight > 0 && weight < Number.POSITIVE_INFINITY)) {
      throw new ConfigError('weight', weight, `a finite number above 0 for the edge ${u} ${v}`);
    }
    this.#sources.push(this.addNode(u));
    this.#destinations.push(this.addNode(v));
    this.#weights.push(weight);
  }

  /** Number of edges added so far (duplicates included). */
  get edgesAdded(): number {
    return this.#sources.length;
  }

  /** The graph, directed or not. */
  build(directed: boolean): Graph {
    const n = this.#nodes.length;
    const given = this.#sources.length;
    // Arcs in insertion order; an undirected edge u v is also v → u (a self-loop once).
    const from: number[] = [];
    const to: number[] = [];
    const weightOf: number[] = [];
    for (let e = 0; e < given; e++) {
      const u = this.#sources[e]!;
      const v = this.#destinations[e]!;
      const w = this.#weights[e]!;
      from.push(u);
      to.push(v);
      weightOf.push(w);
      if (!directed && u !== v) {
        from.push(v);
        to.push(u);
        weightOf.push(w);
      }
    }
    // Stable counting sort by source, then each node's arcs by target (stable: the last duplicate wins).
    const counts = new Int32Array(n + 1);
    for (const u of from) counts[u + 1]!++;
    for (let v = 0; v < n; v++) counts[v + 1]! += counts[v]!;
    const order = new Int32Array(from.length);
    const next = counts.slice(0, n);
    for (let a = 0; a < from.length; a++) order[next[from[a]!]!++] = a;
    const offsets = new Int32Array(n + 1);
    const targets: number[] = [];
    const weights: number[] = [];
    for (let u = 0; u < n; u++) {
      const arcs = Array.from(order.subarray(counts[u]!, counts[u + 1]!)).sort((a, b) => to[a]! - to[b]!);
      for (const a of arcs) {
        if (targets.length > offsets[u]! && targets[targets.length - 1] === to[a]) {
          weights[weights.length - 1] = weightOf[a]!;
        } else {
          targets.push(to[a]!);
          weights.push(weightOf[a]!);
        }
      }
      offsets[u + 1] = targets.length;
    }
    let edgeCount = 0;
    for (let u = 0; u < n; u++) {
      for (let at = offsets[u]!; at < offsets[u + 1]!; at++) if (directed || u <= targets[at]!) edgeCount++;
    }
    return new Graph({
      nodes: this.#nodes.slice(),
      ids: new Map(this.#ids),
      directed,
      offsets,
      targets: Int32Array.from(targets),
      weights: weights.every((w) => w === 1) ? null : Float32Array.from(weights),
      edgeCount,
    });
  }
}
