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
  /**
   * Which predictions share one draw of noise outputs: `'none'` (the default) draws `negative`
   * outputs for every prediction, as word2vec, gensim and fastText do; `'window'` draws them once
   * per skip-gram window and trains all the window's context rows against the target and those
   * outputs as one small matrix product ({@link Objective.updateWindow}; Ji et al. 2016's HogBatch);
   * `'block'` draws them once per block of {@link BLOCK_SHARING_ROWS} context rows of a window, and
   * predicts the target pair by pair before each block, as `'none'` does.
   */
  readonly sharing?: NegativeSharing;
}

/**
 * How negative sampling shares its noise draws between predictions (see
 * {@link NegativeSamplingConfig.sharing}).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type NegativeSharing = (typeof NEGATIVE_SHARINGS)[number];

/**
 * Every {@link NegativeSharing}, in the order error messages list them.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const NEGATIVE_SHARINGS = ['none', 'window', 'block'] as const;

/**
 * With shared negatives, the context rows of a window are trained in blocks of at most this many
 * (one block for windows up to 8 words on each side): the scratch of a thread stays small for any
 * window. The WebAssembly loop reads it from its tables.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const SHARED_NEGATIVES_BLOCK = 16;

/**
 * With `sharing: 'block'`, the context rows of a window that share one draw of negatives: a
 * quarter of the draws of `'none'` and most of `'window'`'s speed, while the noise outputs stay as
 * spread over the vocabulary as the hubs of a heavy-tailed graph need (docs/graph.md).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const BLOCK_SHARING_ROWS = 4;

/** Whether `objectives` train skip-gram windows with shared negatives (`sharing` not `'none'`). */
export function sharesNegatives(objectives: ReadonlyArray<{ readonly kind: string }>): boolean {
  return objectives.some(
    (config) =>
      config.kind === 'negative-sampling' &&
      (config as NegativeSamplingConfig).sharing !== undefined &&
      (config as NegativeSamplingConfig).sharing !== 'none',
  );
}

class NegativeSampling implements Objective {
  readonly #noise: NoiseDistribution;
  readonly #negative: number;
  readonly #weights: Float32Array;
  readonly #dim: number;
  readonly #tools: ObjectiveTools;
  /** Whether each block of BLOCK_SHARING_ROWS rows draws its own negatives (`sharing: 'block'`). */
  readonly #perBlock: boolean;
  /**
   * Shared negatives: the output row offsets of a block (the target first, unless #perBlock) and
   * the pairs' updates.
   */
  readonly #outputs: Int32Array;
  readonly #updates: Float32Array;

  constructor(config: NegativeSamplingConfig, dim: number, tools: ObjectiveTools) {
    this.#noise = new NoiseDistribution(config.noiseCounts, config.noisePower);
    this.#negative = config.negative;
    this.#weights = config.outputWeights;
    this.#dim = dim;
    this.#tools = tools;
    const sharing = config.sharing ?? 'none';
    this.#perBlock = sharing === 'block';
    const rows = sharing === 'none' ? 0 : this.#perBlock ? BLOCK_SHARING_ROWS : SHARED_NEGATIVES_BLOCK;
    this.#outputs = new Int32Array(rows === 0 ? 0 : 1 + config.negative);
    this.#updates = new Float32Array(rows * (1 + config.negative));
  }

  /** Draws `negative` noise outputs into #outputs from `from` on, but the target; returns the end. */
  #drawOutputs(target: number, from: number): number {
    const { random } = this.#tools;
    const dim = this.#dim;
    const outputs = this.#outputs;
    let outputCount = from;
    for (let d = 0; d < this.#negative; d++) {
      const noise = this.#noise.sample(random);
      // As for one prediction: a draw that hits the target is not a negative example.
      if (noise !== target) outputs[outputCount++] = noise * dim;
    }
    return outputCount;
  }

  updateWindow(
    inputs: Float32Array,
    rows: Int32Array,
    count: number,
    target: number,
    lr: number,
    inputUpdates: Float32Array,
  ): number {
    let loss = 0;
    if (this.#perBlock) {
      for (let first = 0; first < count; first += BLOCK_SHARING_ROWS) {
        const size = Math.min(BLOCK_SHARING_ROWS, count - first);
        const outputCount = this.#drawOutputs(target, 0);
        loss += this.#predictTarget(inputs, rows, first, size, target, lr, inputUpdates);
        loss += this.#trainBlock(inputs, rows, first, size, outputCount, lr, inputUpdates);
      }
      return loss;
    }
    this.#outputs[0] = target * this.#dim;
    const outputCount = this.#drawOutputs(target, 1);
    for (let first = 0; first < count; first += SHARED_NEGATIVES_BLOCK) {
      const size = Math.min(SHARED_NEGATIVES_BLOCK, count - first);
      loss += this.#trainBlock(inputs, rows, first, size, outputCount, lr, inputUpdates);
    }
    return loss;
  }

  /**
   * With `sharing: 'block'`, the target's logistic step for rows `rows[first..first + size)` in
   * turn: each row's update (g · the target row) starts its slot of `inputUpdates`, and the target
   * row takes g · the row at once, as in `'none'`'s pairs; the rows change after the block.
   */
  #predictTarget(
    inputs: Float32Array,
    rows: Int32Array,
    first: number,
    size: number,
    target: number,
    lr: number,
    inputUpdates: Float32Array,
  ): number {
    const { math, sigmoid } = this.#tools;
    const dim = this.#dim;
    const weights = this.#weights;
    const targetAt = target * dim;
    let loss = 0;
    inputUpdates.fill(0, 0, size * dim);
    for (let c = 0; c < size; c++) {
      const row = rows[first + c]!;
      const score = math.dot(inputs, row, weights, targetAt, dim);
      loss -= sigmoid.logSigmoid(score);
      const g = (1 - sigmoid.sigmoid(score)) * lr;
      math.axpy(g, weights, targetAt, inputUpdates, c * dim, dim);
      math.axpy(g, inputs, row, weights, targetAt, dim);
    }
    return loss;
  }

  /**
   * Rows `rows[first..first + size)` of `inputs` against the first `outputCount` outputs (the
   * target first, label 1, unless #perBlock): all the scores from the current weights; then per
   * output, its share of every input's update (from the output row before its update; added to the
   * target's with #perBlock) and its update (from the inputs before theirs); then the inputs'
   * updates. An output drawn twice is updated twice, the second time from its updated row.
   */
  #trainBlock(
    inputs: Float32Array,
    rows: Int32Array,
    first: number,
    size: number,
    outputCount: number,
    lr: number,
    inputUpdates: Float32Array,
  ): number {
    const { math, sigmoid } = this.#tools;
    const dim = this.#dim;
    const weights = this.#weights;
    const outputs = this.#outputs;
    const updates = this.#updates;
    let loss = 0;
    for (let c = 0; c < size; c++) {
      const row = rows[first + c]!;
      for (let o = 0; o < outputCount; o++) {
        const score = math.dot(inputs, row, weights, outputs[o]!, dim);
        const label = o === 0 && !this.#perBlock ? 1 : 0;
        updates[c * outputCount + o] = (label - sigmoid.sigmoid(score)) * lr;
        loss -= sigmoid.logSigmoid(label === 1 ? score : -score);
      }
    }
    if (!this.#perBlock) inputUpdates.fill(0, 0, size * dim);
    for (let o = 0; o < outputCount; o++) {
      const output = outputs[o]!;
      for (let c = 0; c < size; c++) {
        math.axpy(updates[c * outputCount + o]!, weights, output, inputUpdates, c * dim, dim);
      }
      for (let c = 0; c < size; c++) {
        math.axpy(updates[c * outputCount + o]!, inputs, rows[first + c]!, weights, output, dim);
      }
    }
    for (let c = 0; c < size; c++) math.axpy(1, inputUpdates, c * dim, inputs, rows[first + c]!, dim);
    return loss;
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

/** Whether `value` is a {@link NegativeSharing}. */
export function isNegativeSharing(value: unknown): value is NegativeSharing {
  return (NEGATIVE_SHARINGS as readonly unknown[]).includes(value);
}

/** The choices of negativeSharing, quoted, for an error message: `"none", "window" or "block"`. */
export function sharingChoices(extra: readonly string[] = []): string {
  const quoted = [...extra, ...NEGATIVE_SHARINGS].map((choice) => `"${choice}"`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
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
    const sharing = config.sharing ?? 'none';
    if (!isNegativeSharing(sharing)) throw new ConfigError('negativeSharing', sharing, sharingChoices());
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
      if (config.sharing === 'window') tables.word('sharedBlock', SHARED_NEGATIVES_BLOCK);
      if (config.sharing === 'block') {
        tables.word('sharedBlock', BLOCK_SHARING_ROWS);
        tables.word('sharedDraws', 1);
      }
      tables.weights('output', config.outputWeights);
      tables.table('aliasTable', packAliasTable(noise));
    },
  },
};
