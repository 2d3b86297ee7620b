import type { Random } from '@embedkit/core-math';
import { allocateFloat32, releaseArray } from '@embedkit/core-math/kernels';
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
 * rate). The arrays come from `allocateFloat32` (the kernel memory, shared with worker threads);
 * give them back with {@link releaseParameters}.
 */
export function createParameters(vocabSize: number, dim: number, random: Random): GloveParameters {
  const length = 2 * vocabSize * (dim + 1);
  const weights = allocateFloat32(length);
  for (let a = 0; a < length; a++) weights[a] = (random.nextFloat() - 0.5) / dim;
  const gradsq = allocateFloat32(length).fill(1);
  return { vocabSize, dim, weights, gradsq };
}

/** Gives the parameters' arrays back to the kernel memory; they must not be used afterwards. */
export function releaseParameters(parameters: GloveParameters): void {
  releaseArray(parameters.weights);
  releaseArray(parameters.gradsq);
}

/**
 * The vectors a model exposes: w_i + w̃_i (`sum`, the tools' `-model 2`) or w_i (`word`, `-model 1`),
 * as a new `vocabSize x dim` row-major matrix.
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
