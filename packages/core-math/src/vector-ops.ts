import { ConfigError, DimensionMismatchError } from './errors.js';
import { kernels } from './kernel-selection.js';

/**
 * Euclidean norm of `n` values of `x` from `offset` (by default the whole array), computed with the
 * active {@link kernels}.
 */
export function norm(x: Float32Array, offset = 0, n = x.length - offset): number {
  return Math.sqrt(kernels().dot(x, offset, x, offset, n));
}

/**
 * Scales `n` values of `x` from `offset` (by default the whole array) to unit length, in place. A
 * zero vector stays zero (it has no direction), so it never turns into NaN.
 *
 * @returns the norm the values had before scaling
 */
export function normalizeInPlace(x: Float32Array, offset = 0, n = x.length - offset): number {
  const length = norm(x, offset, n);
  if (length > 0) kernels().scale(1 / length, x, offset, n);
  return length;
}

/**
 * Cosine similarity of `a` and `b`, in [-1, 1]: 0 when either is a zero vector (never NaN for
 * finite input).
 *
 * @throws DimensionMismatchError when the lengths differ
 */
export function cosine(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  if (b.length !== n) throw new DimensionMismatchError(n, b.length);
  const k = kernels();
  const aa = k.dot(a, 0, a, 0, n);
  const bb = k.dot(b, 0, b, 0, n);
  if (aa === 0 || bb === 0) return 0;
  const similarity = k.dot(a, 0, b, 0, n) / (Math.sqrt(aa) * Math.sqrt(bb));
  return Math.min(1, Math.max(-1, similarity));
}

/**
 * Scales each of the first `rows` rows of a row-major matrix with `dim` columns to unit length, in
 * place; zero rows stay zero.
 *
 * @throws ConfigError when `rows` or `dim` is not a non-negative integer
 * @throws DimensionMismatchError when the matrix holds fewer than `rows * dim` values
 */
export function normalizeRows(matrix: Float32Array, rows: number, dim: number): void {
  if (!Number.isInteger(rows) || rows < 0) throw new ConfigError('rows', rows, 'an integer >= 0');
  if (!Number.isInteger(dim) || dim < 0) throw new ConfigError('dim', dim, 'an integer >= 0');
  if (matrix.length < rows * dim) {
    throw new DimensionMismatchError(rows * dim, matrix.length, 'matrix length');
  }
  for (let r = 0; r < rows; r++) normalizeInPlace(matrix, r * dim, dim);
}
