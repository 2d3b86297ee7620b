import { ConfigError, type Embedder, Random } from '@embedkit/core-math';
import { type Graph, GraphBuilder } from '../graph.js';
import { vectorRows } from './features.js';
import {
  type LogisticRegressionOptions,
  logisticScore,
  trainLogisticRegression,
} from './logistic-regression.js';
import { rocAuc } from './metrics.js';

/** Node pairs (ids of the split's graphs) with a label each: 1 for an edge, 0 for a non-edge. */
export interface LabelledPairs {
  /** `[u0, v0, u1, v1, …]`. */
  readonly pairs: Int32Array;
  /** One 0 or 1 per pair. */
  readonly labels: Uint8Array;
}

/** A link-prediction split of an undirected graph. */
export interface LinkSplit {
  /** The graph without the held-out edges (every node kept, same ids): train the embedding on it. */
  readonly train: Graph;
  /** Held-out edges and as many sampled non-edges: the test set. */
  readonly test: LabelledPairs;
  /** Edges of `train` and as many other non-edges: what the Hadamard classifier is fitted on. */
  readonly fit: LabelledPairs;
  /** The whole graph (`train` and the held-out edges): what non-edges are drawn against. */
  readonly graph: Graph;
  /** The seed the split was drawn with (see {@link redrawPairs}). */
  readonly seed: number;
}

/** Options of {@link splitEdges}. */
export interface SplitOptions {
  /** Share of the edges to hold out (default 0.5, as in the node2vec paper), from 0 to 1 exclusive. */
  readonly testFraction?: number;
  /** Seed of every draw (default 1). */
  readonly seed?: number;
}

/**
 * Splits an undirected graph for link prediction as the node2vec paper does: holds out a seeded
 * `testFraction` of the edges while keeping the rest connected (the edges of a random spanning
 * forest are never held out, so each component stays one; self-loops neither), and samples as
 * many node pairs that are not edges. When too few edges lie outside the forest, fewer are held out.
 *
 * @example
 * ```ts
 * const split = splitEdges(graph, { testFraction: 0.5, seed: 1 });
 * const model = await trainNodeEmbeddings(split.train, { q: 0.5 });
 * evaluateLinkPrediction(model, split); // { hadamardAuc, cosineAuc }
 * ```
 * @throws ConfigError for a directed graph, a bad option, or a graph with no edge to hold out
 */
export function splitEdges(graph: Graph, options: SplitOptions = {}): LinkSplit {
  const testFraction = options.testFraction ?? 0.5;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new ConfigError('testFraction', testFraction, 'a number between 0 and 1 (exclusive)');
  }
  if (graph.directed) throw new ConfigError('graph', 'directed', 'an undirected graph for link prediction');
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  const edges = [...graph.edges()].filter(([u, v]) => u !== v);
  shuffle(edges, random);
  // Kruskal on the shuffled edges: a random spanning forest, whose edges stay.
  const parent = Int32Array.from({ length: graph.nodeCount }, (_, i) => i);
  const root = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[v] !== r) [v, parent[v]] = [parent[v]!, r];
    return r;
  };
  const removable: number[] = [];
  edges.forEach(([u, v], index) => {
    const [a, b] = [root(u), root(v)];
    if (a === b) removable.push(index);
    else parent[a] = b;
  });
  const held = removable.slice(0, Math.min(removable.length, Math.floor(testFraction * edges.length)));
  if (held.length === 0)
    throw new ConfigError('graph', `${graph.edgeCount} edges`, 'edges outside a spanning forest to hold out');
  const heldSet = new Set(held);
  const builder = new GraphBuilder();
  for (const name of graph.nodes) builder.addNode(name);
  for (const [u, v, w] of graph.edges()) if (u === v) builder.addEdge(graph.nodes[u]!, graph.nodes[v]!, w);
  const kept: Array<[number, number, number]> = [];
  edges.forEach((edge, index) => {
    if (heldSet.has(index)) return;
    builder.addEdge(graph.nodes[edge[0]]!, graph.nodes[edge[1]]!, edge[2]);
    kept.push(edge);
  });
  const train = builder.build(false);
  const { test, fit } = drawPairs(
    graph,
    held.map((i) => edges[i]!),
    kept,
    random,
  );
  return { train, test, fit, graph, seed };
}

/**
 * The same split — the same training graph and held-out edges — with everything else drawn
 * afresh: the test non-edges and the classifier's fit pairs. Draw `draw` uses stream `draw` of
 * the split's seed, so it is the same every time. Averaging a score over several draws (see
 * `draws` of {@link evaluateLinkPrediction}) removes the noise of which non-edges were sampled
 * without training again.
 *
 * @example
 * ```ts
 * const split = splitEdges(graph, { seed: 1 });
 * const again = redrawPairs(split, 1); // same split.train, new non-edges
 * ```
 * @throws ConfigError when `draw` is not a non-negative integer
 */
export function redrawPairs(split: LinkSplit, draw: number): LinkSplit {
  const random = new Random(split.seed).fork(draw);
  const held = split.test.labels.reduce((count, label) => count + label, 0);
  const heldEdges = Array.from({ length: held }, (_, i): [number, number] => [
    split.test.pairs[2 * i]!,
    split.test.pairs[2 * i + 1]!,
  ]);
  const kept = [...split.train.edges()].filter(([u, v]) => u !== v);
  return { ...split, ...drawPairs(split.graph, heldEdges, kept, random) };
}

/**
 * The test pairs (the held-out edges and as many non-edges of `graph`) and the fit pairs (as many
 * of the `kept` edges, shuffled here, and other non-edges), drawn from `random` in that order.
 */
function drawPairs(
  graph: Graph,
  held: ReadonlyArray<readonly [number, number, ...number[]]>,
  kept: Array<[number, number, number]>,
  random: Random,
): { test: LabelledPairs; fit: LabelledPairs } {
  const sampler = new NonEdgeSampler(graph, random);
  const test = labelled(held, sampler.take(held.length));
  shuffle(kept, random);
  const fitPositives = kept.slice(0, held.length);
  return { test, fit: labelled(fitPositives, sampler.take(fitPositives.length)) };
}

/** Options of {@link evaluateLinkPrediction}. */
export interface LinkPredictionOptions extends LogisticRegressionOptions {
  /**
   * Draws of the non-edges to average the AUCs over (default 1: the split's own pairs): draw 0 is
   * the split's, draw k is {@link redrawPairs}(split, k). The node2vec paper averages its scores
   * over random draws; on small graphs one draw of 39 non-edges moves the AUC by several hundredths.
   */
  readonly draws?: number;
}

/** ROC-AUC of the two link scores. */
export interface LinkPredictionScores {
  /** Logistic regression on the Hadamard product of the two vectors (node2vec's best operator). */
  readonly hadamardAuc: number;
  /** Cosine similarity of the two vectors. */
  readonly cosineAuc: number;
}

/**
 * Scores the test pairs of `split` with `vectors` (trained on `split.train`; a node without a
 * vector counts as the zero vector): by a logistic regression on the Hadamard product of the two
 * node vectors, fitted on `split.fit`, and by cosine similarity; returns the ROC-AUC of each.
 */
export function evaluateLinkPrediction(
  vectors: Embedder,
  split: LinkSplit,
  options: LinkPredictionOptions = {},
): LinkPredictionScores {
  const draws = options.draws ?? 1;
  if (!Number.isSafeInteger(draws) || draws < 1)
    throw new ConfigError('draws', draws, 'an integer of at least 1');
  const rows = vectorRows(vectors, split.train.nodes);
  let hadamardAuc = 0;
  let cosineAuc = 0;
  for (let draw = 0; draw < draws; draw++) {
    const scores = scorePairs(rows, vectors.dim, draw === 0 ? split : redrawPairs(split, draw), options);
    hadamardAuc += scores.hadamardAuc / draws;
    cosineAuc += scores.cosineAuc / draws;
  }
  return { hadamardAuc, cosineAuc };
}

/** The two AUCs of one draw of pairs, from the node vectors as rows of a matrix. */
function scorePairs(
  rows: Float64Array,
  dim: number,
  split: LinkSplit,
  options: LogisticRegressionOptions,
): LinkPredictionScores {
  const fitFeatures = hadamardRows(rows, dim, split.fit.pairs);
  const model = trainLogisticRegression(fitFeatures, split.fit.labels.length, dim, split.fit.labels, options);
  const testFeatures = hadamardRows(rows, dim, split.test.pairs);
  const count = split.test.labels.length;
  const hadamard = Float64Array.from({ length: count }, (_, i) => logisticScore(model, testFeatures, i));
  const cosine = Float64Array.from({ length: count }, (_, i) =>
    cosineOfRows(rows, dim, split.test.pairs[2 * i]!, split.test.pairs[2 * i + 1]!),
  );
  return { hadamardAuc: rocAuc(hadamard, split.test.labels), cosineAuc: rocAuc(cosine, split.test.labels) };
}

function hadamardRows(rows: Float64Array, dim: number, pairs: Int32Array): Float64Array {
  const out = new Float64Array((pairs.length / 2) * dim);
  for (let i = 0; i < pairs.length / 2; i++) {
    const a = pairs[2 * i]! * dim;
    const b = pairs[2 * i + 1]! * dim;
    for (let j = 0; j < dim; j++) out[i * dim + j] = rows[a + j]! * rows[b + j]!;
  }
  return out;
}

/** Cosine of rows `u` and `v`; 0 when either is zero. */
function cosineOfRows(rows: Float64Array, dim: number, u: number, v: number): number {
  let dot = 0;
  let nu = 0;
  let nv = 0;
  for (let j = 0; j < dim; j++) {
    const x = rows[u * dim + j]!;
    const y = rows[v * dim + j]!;
    dot += x * y;
    nu += x * x;
    nv += y * y;
  }
  return nu === 0 || nv === 0 ? 0 : dot / Math.sqrt(nu * nv);
}

function labelled(
  edges: ReadonlyArray<readonly [number, number, ...number[]]>,
  nonEdges: ReadonlyArray<readonly [number, number]>,
): LabelledPairs {
  const all = [...edges, ...nonEdges];
  const pairs = new Int32Array(2 * all.length);
  all.forEach(([u, v], i) => {
    pairs[2 * i] = u;
    pairs[2 * i + 1] = v;
  });
  const labels = new Uint8Array(all.length);
  labels.fill(1, 0, edges.length);
  return { pairs, labels };
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Draws distinct node pairs u ≠ v that are not edges of the graph, never the same pair twice. */
class NonEdgeSampler {
  readonly #graph: Graph;
  readonly #random: Random;
  readonly #taken = new Set<number>();

  constructor(graph: Graph, random: Random) {
    this.#graph = graph;
    this.#random = random;
  }

  /**
   * `count` new non-edges.
   *
   * @throws ConfigError when the graph has too few non-edges left
   */
  take(count: number): Array<[number, number]> {
    const n = this.#graph.nodeCount;
    const available = (n * (n - 1)) / 2 - (this.#graph.edgeCount + this.#taken.size);
    if (count > available)
      throw new ConfigError('graph', `${available} non-edges left`, `${count} non-edges to sample`);
    const out: Array<[number, number]> = [];
    while (out.length < count) {
      const a = this.#random.nextInt(n);
      const b = this.#random.nextInt(n);
      if (a === b || this.#graph.hasEdge(a, b)) continue;
      const [u, v] = a < b ? [a, b] : [b, a];
      const key = u * n + v;
      if (this.#taken.has(key)) continue;
      this.#taken.add(key);
      out.push([u, v]);
    }
    return out;
  }
}
