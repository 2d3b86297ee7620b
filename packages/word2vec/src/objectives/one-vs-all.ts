import { type Objective, type ObjectiveDescriptor, type ObjectiveTools, matrixRows } from './objective.js';

/**
 * One-vs-all (fastText's `-loss ova`, for multi-label classification): an independent binary
 * logistic loss per output, positive for every label of the example and negative for all others.
 * It has no WebAssembly version: a run with it trains with the TypeScript loop.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface OneVsAllConfig {
  readonly kind: 'one-vs-all';
  /** One row per output (`outputs x dim`). */
  readonly outputWeights: Float32Array;
}

class OneVsAll implements Objective {
  readonly #weights: Float32Array;
  readonly #rows: number;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;

  constructor(config: OneVsAllConfig, dim: number, tools: ObjectiveTools) {
    this.#weights = config.outputWeights;
    this.#dim = dim;
    this.#rows = config.outputWeights.length / dim;
    this.#tools = tools;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    targets: Int32Array,
    targetCount: number,
    _targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    const { math, sigmoid } = this.#tools;
    const dim = this.#dim;
    const weights = this.#weights;
    let loss = 0;
    for (let i = 0; i < this.#rows; i++) {
      let label = 0;
      for (let t = 0; t < targetCount; t++) {
        if (targets[t] === i) {
          label = 1;
          break;
        }
      }
      loss += math.logisticStep(hidden, hiddenOffset, weights, i * dim, gradient, 0, dim, label, lr, sigmoid);
    }
    return loss;
  }
}

/**
 * The one-vs-all objective's descriptor (TypeScript only: `wasm` is `null`).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const oneVsAll: ObjectiveDescriptor<OneVsAllConfig> = {
  kind: 'one-vs-all',
  validate: (config, dim) => matrixRows('outputWeights', config.outputWeights, dim),
  matrices: (config) => [{ name: 'output', weights: config.outputWeights }],
  withMatrices: (config, [outputWeights]) => ({ ...config, outputWeights: outputWeights! }),
  create: (config, dim, tools) => new OneVsAll(config, dim, tools),
  wasm: null,
};
