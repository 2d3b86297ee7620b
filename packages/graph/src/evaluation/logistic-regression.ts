import { ConfigError, DimensionMismatchError, NumericError } from '@embedkit/core-math';

/** Options of {@link trainLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** L2 penalty λ on the weights (not the intercept): the loss is Σ log-loss + λ/2 ‖w‖² (default 1, scikit-learn's C = 1). */
  readonly l2?: number;
  /** Most Newton steps (default 50). */
  readonly maxIterations?: number;
  /** Stop when the largest change of a coefficient is below this (default 1e-8). */
  readonly tolerance?: number;
}

/** A binary logistic regression: P(y = 1 | x) = σ(w · x + intercept). */
export interface LogisticModel {
  /** One weight per feature. */
  readonly weights: Float64Array;
  /** The intercept (not penalised). */
  readonly intercept: number;
}

/**
 * Fits an L2-regularised binary logistic regression by Newton's method (iteratively reweighted
 * least squares, each step a Cholesky solve of the (dim + 1)² Hessian), as scikit-learn's
 * `LogisticRegression(C = 1 / l2)` with the `newton-cg` solver reaches the same optimum.
 * Cost per step: rows × dim² for the Hessian.
 *
 * @param features - row-major `rows x dim` values
 * @param labels - one 0 or 1 per row
 * @example
 * ```ts
 * const model = trainLogisticRegression(Float64Array.of(0, 1, 2, 3), 4, 1, Uint8Array.of(0, 0, 1, 1));
 * logisticScore(model, Float64Array.of(2.5)); // > 0
 * ```
 * @throws ConfigError for a bad option or labels that are not 0 or 1
 * @throws DimensionMismatchError when `features` has not `rows x dim` values
 * @throws NumericError when the features hold NaN or an infinity
 */
export function trainLogisticRegression(
  features: ArrayLike<number>,
  rows: number,
  dim: number,
  labels: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(l2 >= 0 && l2 < Number.POSITIVE_INFINITY)) throw new ConfigError('l2', l2, 'a finite number >= 0');
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) {
    throw new ConfigError('maxIterations', maxIterations, 'an integer of at least 1');
  }
  if (features.length !== rows * dim)
    throw new DimensionMismatchError(rows * dim, features.length, 'features');
  if (labels.length !== rows) throw new DimensionMismatchError(rows, labels.length, 'labels');
  for (let i = 0; i < features.length; i++) {
    if (!Number.isFinite(features[i]!))
      throw new NumericError(`feature ${i % dim} of row ${Math.floor(i / dim)} is ${features[i]}`);
  }
  for (let r = 0; r < rows; r++) {
    if (labels[r] !== 0 && labels[r] !== 1) throw new ConfigError(`labels[${r}]`, labels[r], '0 or 1');
  }
  // Coefficients: dim weights, then the intercept.
  const size = dim + 1;
  const beta = new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    gradient.fill(0);
    hessian.fill(0);
    for (let r = 0; r < rows; r++) {
      const base = r * dim;
      let z = beta[dim]!;
      for (let j = 0; j < dim; j++) z += beta[j]! * features[base + j]!;
      const prob = 1 / (1 + Math.exp(-z));
      const residual = prob - labels[r]!;
      const curvature = Math.max(prob * (1 - prob), 1e-12);
      for (let j = 0; j < dim; j++) {
        const xj = features[base + j]!;
        gradient[j]! += residual * xj;
        const scaled = curvature * xj;
        const row = j * size;
        for (let k = 0; k <= j; k++) hessian[row + k]! += scaled * features[base + k]!;
        hessian[dim * size + j]! += scaled;
      }
      gradient[dim]! += residual;
      hessian[dim * size + dim]! += curvature;
    }
    for (let j = 0; j < dim; j++) {
      gradient[j]! += l2 * beta[j]!;
      hessian[j * size + j]! += l2;
    }
    hessian[dim * size + dim]! += 1e-10;
    for (let j = 0; j < size; j++) for (let k = 0; k < j; k++) hessian[k * size + j] = hessian[j * size + k]!;
    const step = solveSymmetricPositive(hessian, gradient, size);
    let largest = 0;
    for (let j = 0; j < size; j++) {
      beta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < tolerance) break;
  }
  return { weights: beta.slice(0, dim), intercept: beta[dim]! };
}

/** The decision value w · x + intercept of `x` (row `row` of a row-major matrix); positive means class 1. */
export function logisticScore(model: LogisticModel, x: ArrayLike<number>, row = 0): number {
  const dim = model.weights.length;
  let z = model.intercept;
  for (let j = 0; j < dim; j++) z += model.weights[j]! * x[row * dim + j]!;
  return z;
}

/** Solves A x = b for a symmetric positive-definite `A` (row-major `n x n`) by Cholesky decomposition. */
function solveSymmetricPositive(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0))
          throw new NumericError('logistic regression: the Hessian is not positive definite (raise l2)');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
