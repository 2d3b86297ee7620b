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
}

class HierarchicalSoftmax implements Objective {
  readonly #tree: HuffmanTree;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;

  constructor(config: HierarchicalSoftmaxConfig, dim: number, tools: ObjectiveTools) {
    this.#tree = config.tree;
    this.#weights = config.nodeWeights;
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
    let loss = 0;
    const end = offsets[target + 1]!;
    for (let k = offsets[target]!; k < end; k++) {
      // word2vec's convention: branch 0 is the positive label.
      const label = 1 - codes[k]!;
      loss += math.logisticStep(
        hidden,
        hiddenOffset,
        weights,
        nodes[k]! * dim,
        gradient,
        0,
        dim,
        label,
        lr,
        sigmoid,
      );
    }
    return loss;
  }
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
      tables.table('treeNodes', config.tree.nodes);
      tables.table('treeCodes', config.tree.codes);
      tables.weights('nodes', config.nodeWeights);
    },
  },
};
