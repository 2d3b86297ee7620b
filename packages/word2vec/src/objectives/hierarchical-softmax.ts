import { ConfigError } from '@embedkit/core-math';
import { checkCsrTable } from '../csr-table.js';
import type { HuffmanTree } from '../huffman-tree.js';
import { type Objective, type ObjectiveDescriptor, type ObjectiveTools, checkMatrix } from './objective.js';

/**
 * Hierarchical softmax (Morin and Bengio 2005): the target's path in a Huffman tree.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface HierarchicalSoftmaxConfig {
  readonly kind: 'hierarchical-softmax';
  /** The tree over the outputs. */
  readonly tree: HuffmanTree;
  /** One row per inner node of the tree (`(outputs - 1) x dim`), zeros at the start as in word2vec. */
  readonly nodeWeights: Float32Array;
  /**
   * `true`: as word2vec and gensim, a node whose score is at or beyond ±`maxExp` of the sigmoid
   * table is left as it is (its loss still counts), which saves its update; `false` or absent: every
   * node is updated with the clamped sigmoid, as fastText does.
   */
  readonly skipSaturated?: boolean;
}

class HierarchicalSoftmax implements Objective {
  readonly #tree: HuffmanTree;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;
  readonly #skipSaturated: boolean;

  constructor(config: HierarchicalSoftmaxConfig, dim: number, tools: ObjectiveTools) {
    this.#tree = config.tree;
    this.#weights = config.nodeWeights;
    this.#skipSaturated = config.skipSaturated === true;
    this.#dim = dim;
    this.#tools = tools;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    targets: Int32Array,
    _targetCount: number,
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    const { math, sigmoid } = this.#tools;
    const { offsets, nodes, codes } = this.#tree;
    const dim = this.#dim;
    const weights = this.#weights;
    const target = targets[targetIndex]!;
    const { maxExp } = sigmoid;
    const skipSaturated = this.#skipSaturated;
    let loss = 0;
    const end = offsets[target + 1]!;
    for (let k = offsets[target]!; k < end; k++) {
      const row = nodes[k]! * dim;
      // word2vec's convention: branch 0 is the positive label.
      const label = 1 - codes[k]!;
      if (skipSaturated) {
        const score = math.dot(hidden, hiddenOffset, weights, row, dim);
        // As in word2vec and gensim, a saturated node is left as it is (its loss still counts).
        if (score <= -maxExp || score >= maxExp) {
          loss -= sigmoid.logSigmoid(label === 1 ? score : -score);
          continue;
        }
      }
      loss += math.logisticStep(hidden, hiddenOffset, weights, row, gradient, 0, dim, label, lr, sigmoid);
    }
    return loss;
  }
}

/**
 * The paths of `tree` in one array, as the WebAssembly loop walks them: entry `k` is
 * `nodes[k] << 1 | codes[k]`, so a step reads one int (the same offsets index it).
 */
function packedPaths(tree: HuffmanTree): Int32Array {
  const { nodes, codes } = tree;
  const path = new Int32Array(nodes.length);
  for (let k = 0; k < path.length; k++) path[k] = (nodes[k]! << 1) | codes[k]!;
  return path;
}

/**
 * The hierarchical-softmax objective's descriptor.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const hierarchicalSoftmax: ObjectiveDescriptor<HierarchicalSoftmaxConfig> = {
  kind: 'hierarchical-softmax',
  validate(config, dim) {
    const { tree, nodeWeights } = config;
    const leaves = tree.offsets.length - 1;
    if (tree.codes.length !== tree.nodes.length) {
      throw new ConfigError(
        'tree.codes',
        `${tree.codes.length} codes`,
        `one per node (${tree.nodes.length})`,
      );
    }
    checkCsrTable('tree', 'nodes', tree.offsets, tree.nodes, leaves, leaves - 1);
    checkMatrix('nodeWeights', nodeWeights, Math.max(0, leaves - 1), dim);
    return leaves;
  },
  matrices: (config) => [{ name: 'nodes', weights: config.nodeWeights }],
  withMatrices: (config, [nodeWeights]) => ({ ...config, nodeWeights: nodeWeights! }),
  create: (config, dim, tools) => new HierarchicalSoftmax(config, dim, tools),
  wasm: {
    pack(config, tables) {
      tables.table('treeOffsets', config.tree.offsets);
      tables.table('treePath', packedPaths(config.tree));
      tables.word('treeSkipSaturated', config.skipSaturated === true ? 1 : 0);
      tables.weights('nodes', config.nodeWeights);
    },
  },
};
