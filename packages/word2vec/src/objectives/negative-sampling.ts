import { ConfigError } from '@embedkit/core-math';
import { NoiseDistribution } from '@embedkit/core-math/kernels';
import { type Objective, type ObjectiveDescriptor, type ObjectiveTools, checkMatrix } from './objective.js';

/**
 * Negative sampling (Mikolov et al. 2013b): the target against `negative` outputs drawn from noise.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface NegativeSamplingConfig {
  readonly kind: 'negative-sampling';
  /** Noise outputs drawn per target (word2vec's `-negative`), at least 1. */
  readonly negative: number;
  /** Per output, the count the noise distribution is built from. */
  readonly noiseCounts: Float64Array;
  /** The exponent of the noise distribution: 0.75 in word2vec, 0.5 in fastText. */
  readonly noisePower: number;
  /** One row per output (`noiseCounts.length x dim`), zeros at the start as in word2vec. */
  readonly outputWeights: Float32Array;
}

class NegativeSampling implements Objective {
  readonly #noise: NoiseDistribution;
  readonly #negative: number;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;

  constructor(config: NegativeSamplingConfig, dim: number, tools: ObjectiveTools) {
    this.#noise = new NoiseDistribution(config.noiseCounts, config.noisePower);
    this.#negative = config.negative;
    this.#weights = config.outputWeights;
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
    const { math, sigmoid, random } = this.#tools;
    const dim = this.#dim;
    const weights = this.#weights;
    const target = targets[targetIndex]!;
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
      // word2vec and fastText skip a draw that hits the target (it is not a negative example).
      if (noise === target) continue;
      loss += math.logisticStep(hidden, hiddenOffset, weights, noise * dim, gradient, 0, dim, 0, lr, sigmoid);
    }
    return loss;
  }
}

/**
 * The noise distribution's alias table packed for the sentence loop: per column a u32 threshold
 * and the alias, side by side, so a draw reads one 8-byte entry (one cache line) instead of two
 * arrays. A 32-bit draw r keeps the column when r < acceptBelow, which for integer r is
 * r < ceil(acceptBelow); a column kept for every draw (ceil ≥ 2^32) gets itself as its alias, so
 * the draws are exactly {@link NoiseDistribution.sample}'s.
 */
function packAliasTable(noise: NoiseDistribution): Int32Array {
  const size = noise.size;
  const acceptBelow = new Float64Array(size);
  const alias = new Int32Array(size);
  const packed = new Int32Array(2 * size);
  noise.copyAliasTable(acceptBelow, alias);
  for (let c = 0; c < size; c++) {
    const threshold = Math.ceil(Math.max(0, acceptBelow[c]!));
    const always = threshold >= 2 ** 32;
    packed[2 * c] = always ? -1 : threshold | 0;
    packed[2 * c + 1] = always ? c : alias[c]!;
  }
  return packed;
}

/**
 * The negative-sampling objective's descriptor.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const negativeSampling: ObjectiveDescriptor<NegativeSamplingConfig> = {
  kind: 'negative-sampling',
  validate(config, dim) {
    const { negative, noiseCounts, outputWeights } = config;
    if (!Number.isInteger(negative) || negative < 1)
      throw new ConfigError('negative', negative, 'an integer >= 1');
    checkMatrix('outputWeights', outputWeights, noiseCounts.length, dim);
    return noiseCounts.length;
  },
  matrices: (config) => [{ name: 'output', weights: config.outputWeights }],
  withMatrices: (config, [outputWeights]) => ({ ...config, outputWeights: outputWeights! }),
  create: (config, dim, tools) => new NegativeSampling(config, dim, tools),
  wasm: {
    pack(config, tables) {
      const noise = new NoiseDistribution(config.noiseCounts, config.noisePower);
      tables.word('negative', config.negative);
      tables.weights('output', config.outputWeights);
      tables.table('aliasTable', packAliasTable(noise));
    },
  },
};
