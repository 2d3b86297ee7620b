import { ConfigError, type Random } from '@embedkit/core-math';
import { NoiseDistribution, SigmoidTable, type VectorKernels } from '@embedkit/core-math/kernels';
import type { FastTextLossName } from '@embedkit/fasttext-subword';
import { buildHuffmanTree, type HuffmanTree } from '@embedkit/word2vec/engine';

/** fastText's logistic table (`Loss::sigmoid`: 512 intervals over [-8, 8]), in training and prediction. */
export const FASTTEXT_SIGMOID = new SigmoidTable(512, 8);

/** fastText's `std_log`: log(x + 1e-5) rounded to float, the score a prediction is ranked by. */
export function fastTextLogScore(probability: number): number {
  return Math.fround(Math.log(probability + 1e-5));
}

/** One predicted label: its index and fastText's score (log(p + 1e-5), see {@link fastTextLogScore}). */
export interface LabelScore {
  /** The label's index. */
  readonly label: number;
  /** fastText's score of the label: log(probability + 1e-5). */
  readonly score: number;
}

/** What a loss works on: the output matrix (one row per label, or per inner node for `hs`) and `dim`. */
export interface LossWeights {
  /** The output matrix, `labels x dim` (hs uses its first `labels - 1` rows). */
  readonly output: Float32Array;
  /** The vectors' dimension. */
  readonly dim: number;
  /** Each label's training count (the hs tree and the ns noise distribution are built from them). */
  readonly labelCounts: ArrayLike<number>;
  /** Negatives per target for `ns` (fastText's `neg`). */
  readonly negatives: number;
}

/**
 * A supervised loss of fastText (`Loss` and its four subclasses): how a hidden vector scores the
 * labels, and one training step.
 */
export interface SupervisedLoss {
  /**
   * The `k` best labels whose probability is at least `threshold`, best first, as fastText's
   * `Loss::predict` ranks them.
   */
  predict(hidden: Float32Array, k: number, threshold: number): LabelScore[];
  /**
   * One step of `Loss::forward` with back-propagation: updates the output rows and adds the hidden
   * vector's gradient into `gradient`; `targetIndex` picks the target among `targets` (ignored by
   * `ova`, which trains every label).
   *
   * @returns the loss of the example
   */
  update(
    hidden: Float32Array,
    targets: readonly number[],
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
    random: Random,
  ): number;
}

function topScores(scores: Float32Array, k: number, threshold: number): LabelScore[] {
  const kept: LabelScore[] = [];
  for (let label = 0; label < scores.length; label++) {
    if (scores[label]! < threshold) continue;
    kept.push({ label, score: fastTextLogScore(scores[label]!) });
  }
  return kept.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, k);
}

/** Softmax over all labels (`SoftmaxLoss`). */
class SoftmaxLoss implements SupervisedLoss {
  readonly #weights: LossWeights;
  readonly #math: VectorKernels;
  readonly #output: Float32Array;

  constructor(weights: LossWeights, math: VectorKernels) {
    this.#weights = weights;
    this.#math = math;
    this.#output = new Float32Array(weights.labelCounts.length);
  }

  #computeOutput(hidden: Float32Array): Float32Array {
    const out = this.#output;
    const { output, dim } = this.#weights;
    this.#math.matVec(output, 0, out.length, dim, hidden, 0, out, 0);
    let max = out[0]!;
    for (let i = 1; i < out.length; i++) max = Math.max(max, out[i]!);
    let z = 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = Math.exp(out[i]! - max);
      z = Math.fround(z + out[i]!);
    }
    for (let i = 0; i < out.length; i++) out[i] = out[i]! / z;
    return out;
  }

  predict(hidden: Float32Array, k: number, threshold: number): LabelScore[] {
    return topScores(this.#computeOutput(hidden), k, threshold);
  }

  update(
    hidden: Float32Array,
    targets: readonly number[],
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ) {
    const out = this.#computeOutput(hidden);
    const { output, dim } = this.#weights;
    const target = targets[targetIndex]!;
    for (let i = 0; i < out.length; i++) {
      const alpha = Math.fround(lr * ((i === target ? 1 : 0) - out[i]!));
      this.#math.axpy(alpha, output, i * dim, gradient, 0, dim);
      this.#math.axpy(alpha, hidden, 0, output, i * dim, dim);
    }
    return -Math.log(out[target]! + 1e-5);
  }
}

/** Independent logistic scores per label (`BinaryLogisticLoss`): the prediction of `ns` and `ova`. */
abstract class BinaryLogisticLoss implements SupervisedLoss {
  protected readonly weights: LossWeights;
  protected readonly math: VectorKernels;
  readonly #output: Float32Array;

  constructor(weights: LossWeights, math: VectorKernels) {
    this.weights = weights;
    this.math = math;
    this.#output = new Float32Array(weights.labelCounts.length);
  }

  predict(hidden: Float32Array, k: number, threshold: number): LabelScore[] {
    const out = this.#output;
    const { output, dim } = this.weights;
    this.math.matVec(output, 0, out.length, dim, hidden, 0, out, 0);
    for (let i = 0; i < out.length; i++) out[i] = FASTTEXT_SIGMOID.sigmoid(out[i]!);
    return topScores(out, k, threshold);
  }

  /** One logistic step of `label` against `row` (fastText's `binaryLogistic`). */
  protected step(
    hidden: Float32Array,
    row: number,
    positive: boolean,
    lr: number,
    gradient: Float32Array,
  ): number {
    const { output, dim } = this.weights;
    return this.math.logisticStep(
      hidden,
      0,
      output,
      row * dim,
      gradient,
      0,
      dim,
      positive ? 1 : 0,
      lr,
      FASTTEXT_SIGMOID,
    );
  }

  abstract update(
    hidden: Float32Array,
    targets: readonly number[],
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
    random: Random,
  ): number;
}

/** Negative sampling over labels (`NegativeSamplingLoss`): noise drawn by count^0.5, as fastText. */
class NegativeSamplingLoss extends BinaryLogisticLoss {
  readonly #noise: NoiseDistribution;

  constructor(weights: LossWeights, math: VectorKernels) {
    super(weights, math);
    this.#noise = new NoiseDistribution(weights.labelCounts, 0.5);
  }

  update(
    hidden: Float32Array,
    targets: readonly number[],
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
    random: Random,
  ) {
    const target = targets[targetIndex]!;
    let loss = this.step(hidden, target, true, lr, gradient);
    const labels = this.weights.labelCounts.length;
    for (let n = 0; n < this.weights.negatives && labels > 1; n++) {
      let negative = this.#noise.sample(random);
      // fastText draws again until the draw is not the target.
      while (negative === target) negative = this.#noise.sample(random);
      loss += this.step(hidden, negative, false, lr, gradient);
    }
    return loss;
  }
}

/** One-vs-all (`OneVsAllLoss`): an independent binary classifier per label, for multi-label data. */
class OneVsAllLoss extends BinaryLogisticLoss {
  update(
    hidden: Float32Array,
    targets: readonly number[],
    _targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ) {
    let loss = 0;
    const labels = this.weights.labelCounts.length;
    for (let label = 0; label < labels; label++) {
      loss += this.step(hidden, label, targets.includes(label), lr, gradient);
    }
    return loss;
  }
}

/**
 * Hierarchical softmax over a Huffman tree of the label counts (`HierarchicalSoftmaxLoss`): the
 * branch with code 1 has probability σ(score), as in fastText.
 */
class HierarchicalSoftmaxLoss extends BinaryLogisticLoss {
  readonly #tree: HuffmanTree;
  readonly #scores: Float32Array;

  constructor(weights: LossWeights, math: VectorKernels) {
    super(weights, math);
    this.#tree = buildHuffmanTree(weights.labelCounts);
    this.#scores = new Float32Array(weights.labelCounts.length);
  }

  override predict(hidden: Float32Array, k: number, threshold: number): LabelScore[] {
    const { offsets, nodes, codes } = this.#tree;
    const { output, dim } = this.weights;
    const logThreshold = fastTextLogScore(threshold);
    const kept: LabelScore[] = [];
    for (let label = 0; label < this.#scores.length; label++) {
      let score = 0;
      for (let at = offsets[label]!; at < offsets[label + 1]!; at++) {
        const f = Math.fround(1 / (1 + Math.exp(-this.math.dot(output, nodes[at]! * dim, hidden, 0, dim))));
        score = Math.fround(score + fastTextLogScore(codes[at] === 1 ? f : Math.fround(1 - f)));
      }
      if (score >= logThreshold) kept.push({ label, score });
    }
    return kept.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, k);
  }

  update(
    hidden: Float32Array,
    targets: readonly number[],
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ) {
    const { offsets, nodes, codes } = this.#tree;
    const target = targets[targetIndex]!;
    let loss = 0;
    for (let at = offsets[target]!; at < offsets[target + 1]!; at++) {
      loss += this.step(hidden, nodes[at]!, codes[at] === 1, lr, gradient);
    }
    return loss;
  }
}

/**
 * The loss `name` over `weights`.
 *
 * @throws ConfigError when `name` is not one of fastText's losses
 */
export function createSupervisedLoss(
  name: FastTextLossName,
  weights: LossWeights,
  math: VectorKernels,
): SupervisedLoss {
  switch (name) {
    case 'softmax':
      return new SoftmaxLoss(weights, math);
    case 'ns':
      return new NegativeSamplingLoss(weights, math);
    case 'ova':
      return new OneVsAllLoss(weights, math);
    case 'hs':
      return new HierarchicalSoftmaxLoss(weights, math);
    default:
      throw new ConfigError('loss', name, 'softmax, ns, hs or ova');
  }
}
