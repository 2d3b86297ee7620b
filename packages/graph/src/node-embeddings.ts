import type { TrainContext } from '@embedkit/core-math';
import {
  SKIPGRAM_DEFAULTS,
  type SkipGramAlgorithmOptions,
  type Word2VecModel,
  type Word2VecOptionsInput,
  trainWord2VecOnIds,
} from '@embedkit/word2vec';
import type { Graph } from './graph.js';
import { WALK_DEFAULTS, type WalkOptions, generateWalks } from './walks.js';

/** Options of {@link trainNodeEmbeddings}: the walks' and every skip-gram option. */
export type NodeEmbeddingOptions = WalkOptions & SkipGramAlgorithmOptions;

/**
 * The node2vec reference code's settings (Grover & Leskovec 2016, `src/main.py`): 128 dimensions,
 * window 10, one epoch over the walks, every node that occurs in a walk kept (`minCount` 1), with
 * word2vec's skip-gram and negative sampling otherwise, and {@link WALK_DEFAULTS}. Negatives are
 * shared by blocks of 4 context rows (`negativeSharing: 'auto'`, which is `'block'` with negative
 * sampling alone and `'none'` with `hs`): about 0.8× the training time of per-pair draws, with
 * link-prediction and classification figures within 0.01 of the reference's (docs/graph.md).
 */
export const NODE_EMBEDDING_DEFAULTS: Readonly<NodeEmbeddingOptions> = Object.freeze({
  ...SKIPGRAM_DEFAULTS,
  dim: 128,
  window: 10,
  epochs: 1,
  minCount: 1,
  negativeSharing: 'auto',
  ...WALK_DEFAULTS,
});

const WALK_KEYS: ReadonlySet<string> = new Set(Object.keys(WALK_DEFAULTS));

/** Splits options into the walks' and word2vec's. */
function splitOptions(options: Partial<NodeEmbeddingOptions>): {
  walk: Partial<WalkOptions>;
  word2vec: Word2VecOptionsInput;
} {
  const walk: Record<string, unknown> = {};
  const word2vec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...NODE_EMBEDDING_DEFAULTS, ...options })) {
    (WALK_KEYS.has(key) ? walk : word2vec)[key] = value;
  }
  return { walk: walk as Partial<WalkOptions>, word2vec: word2vec as Word2VecOptionsInput };
}

/**
 * Node vectors: random walks on `graph` ({@link generateWalks}; DeepWalk with `p = q = 1`, node2vec
 * otherwise) fed to the word2vec engine as id sequences ({@link trainWord2VecOnIds}: no text, no
 * file). The result is a `Word2VecModel` keyed by node name, an `Embedder`; save it in any vector
 * format with `saveVectors`. Nodes with no out-edge start no walk; an isolated node gets no vector
 * (reported through `context.onProgress`).
 *
 * @example
 * ```ts
 * const graph = await readEdgeList('karate.edgelist');
 * const model = await trainNodeEmbeddings(graph, { p: 1, q: 0.5, dim: 64 }, { seed: 1 });
 * model.vector('0');
 * await model.saveVectors('nodes.vec');
 * ```
 * @throws ConfigError for a bad option
 * @throws CancelledError when `context.signal` aborts
 * @throws NumericError when training diverges (lower `lr`)
 */
export async function trainNodeEmbeddings(
  graph: Graph,
  options: Partial<NodeEmbeddingOptions> = {},
  context: TrainContext = {},
): Promise<Word2VecModel> {
  const { walk, word2vec } = splitOptions(options);
  const walks = await generateWalks(graph, walk, context);
  return trainWord2VecOnIds(walks, graph.nodes, word2vec, context);
}
