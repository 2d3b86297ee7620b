import type { VectorKernels } from '@embedkit/core-math/kernels';
import { type Objective, type ObjectiveDescriptor, type ObjectiveTools, matrixRows } from './objective.js';

/**
 * The full softmax over all outputs (fastText's `-loss softmax`): every output row is updated at
 * every prediction, so it suits a few hundred labels, not a vocabulary. It has no WebAssembly
 * version: a run with it trains with the TypeScript loop.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface SoftmaxConfig {
  readonly kind: 'softmax';
  /** One row per output (`outputs x dim`). */
  readonly outputWeights: Float32Array;
}

/**
 * fastText's loss of a probability: `-log(p + 1e-5)` (its `std_log`), finite for p = 0.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function lossOf(probability: number): number {
  return -Math.log(probability + 1e-5);
}

/**
 * Writes the softmax of the `rows` scores `weights · hidden` into `output[0..rows)`, after
 * subtracting the largest score (fastText's `SoftmaxLoss::computeOutput`).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function softmaxProbabilities(
  math: VectorKernels,
  weights: Float32Array,
  rows: number,
  dim: number,
  hidden: Float32Array,
  hiddenOffset: number,
  output: Float32Array,
): void {
  math.matVec(weights, 0, rows, dim, hidden, hiddenOffset, output, 0);
  let max = output[0]!;
  for (let i = 1; i < rows; i++) max = Math.max(max, output[i]!);
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    output[i] = Math.exp(output[i]! - max);
    sum += output[i]!;
  }
  for (let i = 0; i < rows; i++) output[i]! /= sum;
}

class Softmax implements Objective {
  readonly #weights: Float32Array;
  readonly #rows: number;
  readonly #dim: number;
  readonly #math: VectorKernels;
  /** Scratch: the probability of every output (allocated once per thread). */
  readonly #output: Float32Array;

  constructor(config: SoftmaxConfig, dim: number, tools: ObjectiveTools) {
    this.#weights = config.outputWeights;
    this.#dim = dim;
    this.#rows = config.outputWeights.length / dim;
    this.#math = tools.math;
    this.#output = new Float32Array(this.#rows);
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
    const math = this.#math;
    const dim = this.#dim;
    const weights = this.#weights;
    const output = this.#output;
    const target = targets[targetIndex]!;
    softmaxProbabilities(math, weights, this.#rows, dim, hidden, hiddenOffset, output);
    for (let i = 0; i < this.#rows; i++) {
      const alpha = lr * ((i === target ? 1 : 0) - output[i]!);
      math.axpy(alpha, weights, i * dim, gradient, 0, dim);
      math.axpy(alpha, hidden, hiddenOffset, weights, i * dim, dim);
    }
    return lossOf(output[target]!);
  }
}

/**
 * The full-softmax objective's descriptor (TypeScript only: `wasm` is `null`).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const softmax: ObjectiveDescriptor<SoftmaxConfig> = {
  kind: 'softmax',
  validate: (config, dim) => matrixRows('outputWeights', config.outputWeights, dim),
  matrices: (config) => [{ name: 'output', weights: config.outputWeights }],
  withMatrices: (config, [outputWeights]) => ({ ...config, outputWeights: outputWeights! }),
  create: (config, dim, tools) => new Softmax(config, dim, tools),
  wasm: null,
};
