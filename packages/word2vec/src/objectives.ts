import { ConfigError, type Random } from '@embedkit/core-math';
import { NoiseDistribution, type SigmoidTable, type VectorKernels } from '@embedkit/core-math/kernels';
import type { HuffmanTree } from './huffman-tree.js';

/**
 * Negative sampling (Mikolov et al. 2013b): the target against `negative` words drawn from noise.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface NegativeSamplingSetup {
  /** Noise words drawn per target (word2vec's `-negative`), at least 1. */
  readonly negative: number;
  /** Per output word, the count the noise distribution is built from. */
  readonly noiseCounts: Float64Array;
  /** The exponent of the noise distribution: 0.75 in word2vec, 0.5 in fastText. */
  readonly noisePower: number;
  /** One row per output word (`noiseCounts.length x dim`), zeros at the start as in word2vec. */
  readonly outputWeights: Float32Array;
}

/**
 * Hierarchical softmax (Morin and Bengio 2005): the target's path in a Huffman tree.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface HierarchicalSoftmaxSetup {
  /** The tree over the output words. */
  readonly tree: HuffmanTree;
  /** One row per inner node of the tree (`(words - 1) x dim`), zeros at the start as in word2vec. */
  readonly nodeWeights: Float32Array;
}

/**
 * What the engine predicts and how, as data that can be posted to worker threads (the weight
 * arrays should live in `SharedArrayBuffer`s so every thread updates the same rows). At least one
 * of the two is set; with both, every target is trained with hierarchical softmax and then with
 * negative sampling, adding up both gradients, as word2vec does with `-hs 1 -negative N`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface ObjectiveSetup {
  /** Negative sampling, or `null` for none. */
  readonly negativeSampling: NegativeSamplingSetup | null;
  /** Hierarchical softmax, or `null` for none. */
  readonly hierarchicalSoftmax: HierarchicalSoftmaxSetup | null;
}

/** An objective built from an {@link ObjectiveSetup} in one thread. */
export interface Objective {
  /**
   * Trains `hidden` (the `dim` floats at `hiddenOffset`) to predict output word `target`: updates
   * the output rows involved and adds the hidden vector's update into `gradient`.
   *
   * @returns the loss of this prediction
   */
  update(
    hidden: Float32Array,
    hiddenOffset: number,
    target: number,
    lr: number,
    gradient: Float32Array,
  ): number;
}

/** Everything an objective needs from its thread: the kernels, the sigmoid table, the random stream. */
export interface ObjectiveTools {
  /** The vector kernels in use in this thread. */
  readonly math: VectorKernels;
  /** The logistic function's lookup table. */
  readonly sigmoid: SigmoidTable;
  /** This thread's random stream (negative draws). */
  readonly random: Random;
}

class NegativeSampling implements Objective {
  readonly #noise: NoiseDistribution;
  readonly #negative: number;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;

  constructor(setup: NegativeSamplingSetup, dim: number, tools: ObjectiveTools) {
    this.#noise = new NoiseDistribution(setup.noiseCounts, setup.noisePower);
    this.#negative = setup.negative;
    this.#weights = setup.outputWeights;
    this.#dim = dim;
    this.#tools = tools;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    target: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    const { math, sigmoid, random } = this.#tools;
    const dim = this.#dim;
    const weights = this.#weights;
    let loss = math.logisticStep(
      hidden,
      hiddenOffset,
      weights,
      target * dim,
      gradient,
      0,
      dim,
      1,
      lr,
      sigmoid,
    );
    for (let d = 0; d < this.#negative; d++) {
      const noise = this.#noise.sample(random);
      // word2vec skips a draw that hits the target (it is not a negative example).
      if (noise === target) continue;
      loss += math.logisticStep(hidden, hiddenOffset, weights, noise * dim, gradient, 0, dim, 0, lr, sigmoid);
    }
    return loss;
  }
}

class HierarchicalSoftmax implements Objective {
  readonly #tree: HuffmanTree;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;

  constructor(setup: HierarchicalSoftmaxSetup, dim: number, tools: ObjectiveTools) {
    this.#tree = setup.tree;
    this.#weights = setup.nodeWeights;
    this.#dim = dim;
    this.#tools = tools;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    target: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    const { math, sigmoid } = this.#tools;
    const { offsets, nodes, codes } = this.#tree;
    const dim = this.#dim;
    const weights = this.#weights;
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

class BothObjectives implements Objective {
  readonly #first: Objective;
  readonly #second: Objective;

  constructor(first: Objective, second: Objective) {
    this.#first = first;
    this.#second = second;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    target: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    return (
      this.#first.update(hidden, hiddenOffset, target, lr, gradient) +
      this.#second.update(hidden, hiddenOffset, target, lr, gradient)
    );
  }
}

/**
 * Checks that `setup` has at least one objective, that their weight matrices have one row of `dim`
 * floats per output word (or inner node), and that both predict over the same words.
 *
 * @returns the number of output words
 * @throws ConfigError when it does not hold
 */
export function validateObjective(setup: ObjectiveSetup, dim: number): number {
  const { negativeSampling, hierarchicalSoftmax } = setup;
  let words: number | undefined;
  if (negativeSampling !== null) {
    const { outputWeights, noiseCounts, negative } = negativeSampling;
    if (!Number.isInteger(negative) || negative < 1)
      throw new ConfigError('negative', negative, 'an integer >= 1');
    if (outputWeights.length !== noiseCounts.length * dim) {
      throw new ConfigError(
        'outputWeights',
        `${outputWeights.length} floats`,
        `${noiseCounts.length} x ${dim}`,
      );
    }
    words = noiseCounts.length;
  }
  if (hierarchicalSoftmax !== null) {
    const { tree, nodeWeights } = hierarchicalSoftmax;
    const leaves = tree.offsets.length - 1;
    if (words !== undefined && leaves !== words) {
      throw new ConfigError('tree', `${leaves} words`, `the ${words} words of negative sampling`);
    }
    if (nodeWeights.length !== (leaves - 1) * dim) {
      throw new ConfigError('nodeWeights', `${nodeWeights.length} floats`, `${leaves - 1} x ${dim}`);
    }
    words = leaves;
  }
  if (words === undefined) {
    throw new ConfigError('objective', 'none', 'negative sampling, hierarchical softmax or both');
  }
  return words;
}

/**
 * Builds the objective `setup` describes for one thread.
 *
 * @throws ConfigError when the setup is invalid (see {@link validateObjective})
 */
export function createObjective(setup: ObjectiveSetup, dim: number, tools: ObjectiveTools): Objective {
  validateObjective(setup, dim);
  const { negativeSampling, hierarchicalSoftmax } = setup;
  const negative = negativeSampling === null ? undefined : new NegativeSampling(negativeSampling, dim, tools);
  const tree =
    hierarchicalSoftmax === null ? undefined : new HierarchicalSoftmax(hierarchicalSoftmax, dim, tools);
  if (negative !== undefined && tree !== undefined) return new BothObjectives(tree, negative);
  return (negative ?? tree)!;
}
