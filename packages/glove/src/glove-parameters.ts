import type { Random } from '@embedkit/core-math';
import type { GloveOutput } from './options.js';

/**
 * The parameters of GloVe laid out as `glove.c` lays them out: 2V rows of dim + 1 floats, the word
 * rows (vector w_i, then bias b_i) followed by the context rows (w̃_j, then b̃_j), and the AdaGrad
 * sums of squared gradients in the same layout.
 */
export interface GloveParameters {
  readonly vocabSize: number;
  readonly dim: number;
  /** 2 · vocabSize · (dim + 1) floats: word rows, then context rows, each ending with its bias. */
  readonly weights: Float32Array;
  /** Sums of squared gradients, aligned with `weights`. */
  readonly gradsq: Float32Array;
}

/**
 * Initialises parameters as `glove.c` does: every weight and bias uniform in
 * [-0.5 / dim, 0.5 / dim), every squared-gradient sum 1 (so the first step size is the learning
 * rate). Buffers are `SharedArrayBuffer`s when `shared`.
 */
export function createParameters(
  vocabSize: number,
  dim: number,
  random: Random,
  shared: boolean,
): GloveParameters {
  const length = 2 * vocabSize * (dim + 1);
  const allocate = (): Float32Array =>
    new Float32Array(shared ? new SharedArrayBuffer(length * 4) : new ArrayBuffer(length * 4));
  const weights = allocate();
  for (let a = 0; a < length; a++) weights[a] = (random.nextFloat() - 0.5) / dim;
  const gradsq = allocate().fill(1);
  return { vocabSize, dim, weights, gradsq };
}

/**
 * The vectors a model exposes: w_i + w̃_i (`sum`, the tools' `-model 2`) or w_i (`word`, `-model 1`),
 * as a `vocabSize x dim` row-major matrix.
 */
export function outputVectors(parameters: GloveParameters, output: GloveOutput): Float32Array {
  const { vocabSize, dim, weights } = parameters;
  const stride = dim + 1;
  const vectors = new Float32Array(vocabSize * dim);
  for (let i = 0; i < vocabSize; i++) {
    const word = i * stride;
    const context = (vocabSize + i) * stride;
    for (let b = 0; b < dim; b++) {
      vectors[i * dim + b] =
        output === 'sum' ? weights[word + b]! + weights[context + b]! : weights[word + b]!;
    }
  }
  return vectors;
}
