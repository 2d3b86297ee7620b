import { ConfigError, DimensionMismatchError, NumericError } from './errors.js';
import { Random } from './random.js';

/** Options of {@link principalComponents}. */
export interface PrincipalComponentsOptions {
  /**
   * Subtract the column means first (PCA, e.g. for 2-D plots). Default `false`: the top right
   * singular vectors of the matrix itself, as scikit-learn's `TruncatedSVD` computes for SIF's
   * common-component removal (Arora et al. 2017).
   */
  readonly center?: boolean;
  /** Most power iterations per component, an integer >= 1 (default 100); stops earlier on convergence. */
  readonly iterations?: number;
  /** Seed of the random start vectors (default 1), so results are reproducible. */
  readonly seed?: number;
}

/** Power iteration stops when the direction moves less than this (Euclidean distance of unit vectors). */
const CONVERGED = 1e-10;
/** A remaining eigenvalue below this share of the total energy is treated as zero. */
const NEGLIGIBLE = 1e-13;

/**
 * The top `k` principal directions of the first `rows` rows of a row-major `rows x dim` matrix:
 * the leading eigenvectors of XᵀX (of the centred X when `center` is set), i.e. the top right
 * singular vectors, found by power iteration with deflation (each new direction is kept
 * orthogonal to the ones found before it). Computed in double precision.
 *
 * Each direction's sign is chosen so that its largest-magnitude coordinate is positive (the
 * `svd_flip` convention of scikit-learn). When the matrix has rank r < k, directions past r span
 * its null space and are otherwise arbitrary (reproducible for a given seed). Power iteration
 * converges slowly when two singular values are almost equal; the directions are then a mix of
 * the two, which is as good as either for SIF's removal of the first component.
 *
 * @param matrix - row-major values, at least `rows * dim` of them
 * @param rows - number of rows (samples), >= 1
 * @param dim - number of columns (dimensions), >= 1
 * @param k - number of directions, from 1 to `dim`
 * @returns `k * dim` floats: direction `c` (a unit vector) at offset `c * dim`
 * @throws ConfigError on a bad size or option, DimensionMismatchError when the matrix is too
 *   short, NumericError when it holds NaN or an infinity
 *
 * @example
 * ```ts
 * const u = principalComponents(sentenceVectors, n, dim, 1); // the common direction
 * // SIF then removes it from every sentence vector v: v -= (u · v) u
 * ```
 */
export function principalComponents(
  matrix: Float32Array,
  rows: number,
  dim: number,
  k: number,
  options: PrincipalComponentsOptions = {},
): Float32Array {
  const { center = false, iterations = 100, seed = 1 } = options;
  if (!Number.isInteger(rows) || rows < 1) throw new ConfigError('rows', rows, 'an integer >= 1');
  if (!Number.isInteger(dim) || dim < 1) throw new ConfigError('dim', dim, 'an integer >= 1');
  if (!Number.isInteger(k) || k < 1 || k > dim)
    throw new ConfigError('k', k, `an integer from 1 to dim (${dim})`);
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new ConfigError('iterations', iterations, 'an integer >= 1');
  }
  if (matrix.length < rows * dim)
    throw new DimensionMismatchError(rows * dim, matrix.length, 'matrix length');
  for (let i = 0; i < rows * dim; i++) {
    if (!Number.isFinite(matrix[i]!)) {
      throw new NumericError(`matrix value at row ${Math.floor(i / dim)}, column ${i % dim} is ${matrix[i]}`);
    }
  }

  const means = new Float64Array(dim);
  if (center) {
    for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) means[j]! += matrix[r * dim + j]!;
    for (let j = 0; j < dim; j++) means[j]! /= rows;
  }
  let energy = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < dim; j++) energy += (matrix[r * dim + j]! - means[j]!) ** 2;
  }

  const components = new Float64Array(k * dim);
  const random = new Random(seed);
  let v = new Float64Array(dim);
  let w = new Float64Array(dim);
  const projections = new Float64Array(rows);
  for (let c = 0; c < k; c++) {
    do {
      for (let j = 0; j < dim; j++) v[j] = random.nextFloat() - 0.5;
      // Twice, so rounding leaves no trace of the earlier directions.
      orthogonalize(v, components, c, dim);
      orthogonalize(v, components, c, dim);
    } while (scaleToUnit(v) === 0);
    for (let iteration = 0; iteration < iterations; iteration++) {
      applyGram(matrix, rows, dim, means, v, projections, w);
      orthogonalize(w, components, c, dim);
      const eigenvalue = scaleToUnit(w);
      // Only null-space directions are left: v (orthogonal to the others) is one of them.
      if (eigenvalue <= NEGLIGIBLE * energy) break;
      let moved = 0;
      for (let j = 0; j < dim; j++) moved += (w[j]! - v[j]!) ** 2;
      [v, w] = [w, v];
      if (Math.sqrt(moved) < CONVERGED) break;
    }
    let largest = 0;
    for (let j = 1; j < dim; j++) if (Math.abs(v[j]!) > Math.abs(v[largest]!)) largest = j;
    const sign = v[largest]! < 0 ? -1 : 1;
    for (let j = 0; j < dim; j++) components[c * dim + j] = sign * v[j]!;
  }
  return Float32Array.from(components);
}

/** out = (X - 1μᵀ)ᵀ (X - 1μᵀ) v, through the projections y = (X - 1μᵀ) v (no dim x dim matrix). */
function applyGram(
  matrix: Float32Array,
  rows: number,
  dim: number,
  means: Float64Array,
  v: Float64Array,
  projections: Float64Array,
  out: Float64Array,
): void {
  let meanDotV = 0;
  for (let j = 0; j < dim; j++) meanDotV += means[j]! * v[j]!;
  let projectionSum = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * dim;
    let y = 0;
    for (let j = 0; j < dim; j++) y += matrix[base + j]! * v[j]!;
    y -= meanDotV;
    projections[r] = y;
    projectionSum += y;
  }
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const base = r * dim;
    const y = projections[r]!;
    for (let j = 0; j < dim; j++) out[j]! += y * matrix[base + j]!;
  }
  for (let j = 0; j < dim; j++) out[j]! -= projectionSum * means[j]!;
}

/** Removes from x its projections on the first `count` unit rows of `basis`. */
function orthogonalize(x: Float64Array, basis: Float64Array, count: number, dim: number): void {
  for (let c = 0; c < count; c++) {
    const base = c * dim;
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += x[j]! * basis[base + j]!;
    for (let j = 0; j < dim; j++) x[j]! -= dot * basis[base + j]!;
  }
}

/** Scales x to unit length (unless it is zero) and returns its former length. */
function scaleToUnit(x: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += x[j]! * x[j]!;
  const length = Math.sqrt(sum);
  if (length > 0) for (let j = 0; j < x.length; j++) x[j]! /= length;
  return length;
}
