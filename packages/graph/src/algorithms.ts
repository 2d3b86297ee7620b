import {
  ConfigError,
  type EmbeddingAlgorithm,
  type TrainContext,
  type TrainingCorpus,
} from '@embedkit/core-math';
import type { Word2VecModel } from '@embedkit/word2vec';
import { graphFromEdges, readEdgeList } from './edge-list.js';
import type { Graph } from './graph.js';
import {
  NODE_EMBEDDING_DEFAULTS,
  type NodeEmbeddingOptions,
  trainNodeEmbeddings,
} from './node-embeddings.js';

/** Options of the `node2vec` algorithm: {@link NodeEmbeddingOptions} and whether edges are directed. */
export type Node2VecAlgorithmOptions = NodeEmbeddingOptions & {
  /** Read `u v` as u → v only. Default false. */
  readonly directed: boolean;
};

/** Options of the `deepwalk` algorithm: node2vec's without `p`, `q` and `sampler`. */
export type DeepWalkAlgorithmOptions = Omit<Node2VecAlgorithmOptions, 'p' | 'q' | 'sampler'>;

/** An {@link EmbeddingAlgorithm} on graphs whose `train` resolves to a `Word2VecModel` keyed by node. */
export interface GraphAlgorithm<Options extends object> extends EmbeddingAlgorithm<Options> {
  /**
   * Trains on `corpus`: an edge-list file (see `readEdgeList`), or rows `[u, v]` / `[u, v, weight]`
   * (see `graphFromEdges`).
   */
  train(corpus: TrainingCorpus, options: Partial<Options>, context?: TrainContext): Promise<Word2VecModel>;
}

/** The graph of an algorithm's corpus: an edge-list file or rows of edges. */
async function graphOf(
  corpus: TrainingCorpus,
  directed: boolean | undefined,
  context: TrainContext,
): Promise<Graph> {
  const options = {
    directed: directed ?? false,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  };
  if (typeof corpus === 'string') return readEdgeList(corpus, options);
  const rows: (readonly string[])[] = [];
  for await (const row of corpus) rows.push(row);
  return graphFromEdges(rows, options);
}

/**
 * node2vec (Grover & Leskovec 2016) as a registrable algorithm (id `node2vec`): second-order
 * biased walks (`p`, `q`) on the edge list, then skip-gram on the walks.
 */
export const node2vec: GraphAlgorithm<Node2VecAlgorithmOptions> = {
  id: 'node2vec',
  description:
    'node2vec: biased second-order random walks (p, q) on an edge list, then skip-gram (Grover & Leskovec 2016)',
  defaults: Object.freeze({ ...NODE_EMBEDDING_DEFAULTS, directed: false }),
  async train(corpus, options, context = {}) {
    const { directed, ...rest } = options;
    return trainNodeEmbeddings(await graphOf(corpus, directed, context), rest, context);
  },
};

/**
 * DeepWalk (Perozzi et al. 2014) as a registrable algorithm (id `deepwalk`): uniform (by edge
 * weight) first-order walks on the edge list, then skip-gram with negative sampling (the paper
 * used hierarchical softmax: `hs: true, negative: 0`).
 */
export const deepwalk: GraphAlgorithm<DeepWalkAlgorithmOptions> = {
  id: 'deepwalk',
  description: 'DeepWalk: uniform random walks on an edge list, then skip-gram (Perozzi et al. 2014)',
  defaults: Object.freeze(
    (({ p: _p, q: _q, sampler: _sampler, ...rest }) => ({ ...rest, directed: false }))(
      NODE_EMBEDDING_DEFAULTS,
    ),
  ),
  async train(corpus, options, context = {}) {
    for (const key of ['p', 'q', 'sampler']) {
      if (Object.hasOwn(options, key)) {
        throw new ConfigError(
          key,
          (options as Record<string, unknown>)[key],
          'no p, q or sampler for deepwalk (use node2vec)',
        );
      }
    }
    const { directed, ...rest } = options;
    return trainNodeEmbeddings(await graphOf(corpus, directed, context), { ...rest, p: 1, q: 1 }, context);
  },
};
