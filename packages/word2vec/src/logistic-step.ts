import type { SigmoidTable, VectorKernels } from '@embedkit/core-math';

/**
 * One binary logistic-regression step of word2vec, the unit both objectives are made of: the
 * hidden vector scores one output row, `label` says whether the pair is real (1) or not (0), and
 * with `g = (label - σ(score)) · lr` the step adds `g · outputRow` to `gradient` (the hidden
 * vector's update, applied later by the caller) and `g · hidden` to the output row. Three kernel
 * calls over `Float32Array` views, so a faster kernel set (or one fused kernel) can replace it.
 *
 * @returns the pair's loss, `-log σ(score)` for label 1 and `-log σ(-score)` for label 0 (NaN once
 *   the weights are no longer finite)
 */
export function logisticStep(
  math: VectorKernels,
  sigmoid: SigmoidTable,
  hidden: Float32Array,
  hiddenOffset: number,
  weights: Float32Array,
  rowOffset: number,
  dim: number,
  label: number,
  lr: number,
  gradient: Float32Array,
): number {
  const score = math.dot(hidden, hiddenOffset, weights, rowOffset, dim);
  const g = (label - sigmoid.sigmoid(score)) * lr;
  math.axpy(g, weights, rowOffset, gradient, 0, dim);
  math.axpy(g, hidden, hiddenOffset, weights, rowOffset, dim);
  return label === 1 ? -sigmoid.logSigmoid(score) : -sigmoid.logSigmoid(-score);
}
