import { ConfigError, DimensionMismatchError, NumericError } from './errors.js';

/** Jacobi sweeps stop when every pair of columns is orthogonal to this relative tolerance. */
const ORTHOGONAL = 1e-15;
/** At most this many sweeps (one-sided Jacobi converges quadratically, in well under 30). */
const MAX_SWEEPS = 60;
/** A singular value below this share of the largest is treated as zero. */
const NEGLIGIBLE = 1e-12;

/**
 * The orthogonal matrix `R` (`dim x dim`, row-major) that best maps the rows of `source` onto the
 * rows of `target`: it minimises `‖source·R − target‖_F` over all orthogonal matrices (Schönemann
 * 1966), as SciPy's `scipy.linalg.orthogonal_procrustes(source, target)` computes it. Both are
 * row-major `rows x dim` matrices whose row `i` is the same word in two models, e.g. to align one
 * model's vectors with another's on their shared vocabulary before comparing them.
 *
 * `R = U·Vᵀ` for the singular value decomposition `U·S·Vᵀ` of `sourceᵀ·target`, found by one-sided
 * Jacobi rotations in double precision. When `sourceᵀ·target` is singular, `R` is completed with
 * orthonormal directions (any completion minimises the error equally).
 *
 * @throws ConfigError when `rows` or `dim` is not a positive integer
 * @throws DimensionMismatchError when a matrix is shorter than `rows x dim`
 * @throws NumericError when a value is not finite
 *
 * @example
 * ```ts
 * import { orthogonalProcrustes } from '@embedkit/core-math';
 * declare const shared: number; // words in both models
 * declare const a: Float32Array; // their rows in model A (shared x 100)
 * declare const b: Float32Array; // the same words' rows in model B
 * const rotation = orthogonalProcrustes(b, a, shared, 100); // b·rotation ≈ a
 * ```
 */
export function orthogonalProcrustes(
  source: Float32Array,
  target: Float32Array,
  rows: number,
  dim: number,
): Float64Array {
  if (!Number.isInteger(rows) || rows < 1) throw new ConfigError('rows', rows, 'an integer >= 1');
  if (!Number.isInteger(dim) || dim < 1) throw new ConfigError('dim', dim, 'an integer >= 1');
  for (const [name, matrix] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (matrix.length < rows * dim)
      throw new DimensionMismatchError(rows * dim, matrix.length, `${name} length`);
    for (let i = 0; i < rows * dim; i++) {
      if (!Number.isFinite(matrix[i]!)) {
        throw new NumericError(
          `${name} value at row ${Math.floor(i / dim)}, column ${i % dim} is ${matrix[i]}`,
        );
      }
    }
  }
  // w = sourceᵀ·target (dim x dim), stored column by column: w[c * dim + r] is row r of column c.
  const w = new Float64Array(dim * dim);
  for (let n = 0; n < rows; n++) {
    const base = n * dim;
    for (let r = 0; r < dim; r++) {
      const s = source[base + r]!;
      if (s === 0) continue;
      for (let c = 0; c < dim; c++) w[c * dim + r]! += s * target[base + c]!;
    }
  }
  // v accumulates the rotations (column by column too): w·v keeps orthogonal columns U·S.
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < dim - 1; p++) {
      for (let q = p + 1; q < dim; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < dim; r++) {
          const x = w[p * dim + r]!;
          const y = w[q * dim + r]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cos = 1 / Math.sqrt(1 + t * t);
        const sin = cos * t;
        rotateColumns(w, p, q, cos, sin, dim);
        rotateColumns(v, p, q, cos, sin, dim);
      }
    }
    if (!rotated) break;
  }
  const u = unitColumns(w, dim);
  // R = U·Vᵀ, row-major.
  const rotation = new Float64Array(dim * dim);
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      let sum = 0;
      for (let k = 0; k < dim; k++) sum += u[k * dim + r]! * v[k * dim + c]!;
      rotation[r * dim + c] = sum;
    }
  }
  return rotation;
}

/** Rotates columns `p` and `q` of a column-stored `dim x dim` matrix by the angle of (`cos`, `sin`). */
function rotateColumns(m: Float64Array, p: number, q: number, cos: number, sin: number, dim: number): void {
  for (let r = 0; r < dim; r++) {
    const x = m[p * dim + r]!;
    const y = m[q * dim + r]!;
    m[p * dim + r] = cos * x - sin * y;
    m[q * dim + r] = sin * x + cos * y;
  }
}

/**
 * The columns of `w` (orthogonal, column-stored) scaled to unit length; a column whose length is
 * negligible is replaced by a unit vector orthogonal to all the others, so the result is orthogonal.
 */
function unitColumns(w: Float64Array, dim: number): Float64Array {
  const u = new Float64Array(dim * dim);
  const lengths = new Float64Array(dim);
  let largest = 0;
  for (let c = 0; c < dim; c++) {
    let sum = 0;
    for (let r = 0; r < dim; r++) sum += w[c * dim + r]! ** 2;
    lengths[c] = Math.sqrt(sum);
    largest = Math.max(largest, lengths[c]!);
  }
  const missing: number[] = [];
  for (let c = 0; c < dim; c++) {
    if (lengths[c]! <= NEGLIGIBLE * largest || lengths[c] === 0) missing.push(c);
    else for (let r = 0; r < dim; r++) u[c * dim + r] = w[c * dim + r]! / lengths[c]!;
  }
  // Complete with standard basis vectors made orthogonal (twice, for rounding) to the columns kept.
  let basis = 0;
  for (const c of missing) {
    for (; basis < dim; basis++) {
      const candidate = new Float64Array(dim);
      candidate[basis] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let other = 0; other < dim; other++) {
          if (other === c) continue;
          let dot = 0;
          for (let r = 0; r < dim; r++) dot += candidate[r]! * u[other * dim + r]!;
          for (let r = 0; r < dim; r++) candidate[r]! -= dot * u[other * dim + r]!;
        }
      }
      let length = 0;
      for (let r = 0; r < dim; r++) length += candidate[r]! ** 2;
      length = Math.sqrt(length);
      if (length > 0.5) {
        for (let r = 0; r < dim; r++) u[c * dim + r] = candidate[r]! / length;
        basis++;
        break;
      }
    }
  }
  return u;
}
