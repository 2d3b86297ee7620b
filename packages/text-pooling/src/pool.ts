import { kernels } from '@embedkit/core-math/kernels';
import type { TokenRows } from './token-rows.js';

/**
 * Writes `Σ_i weight_i · v_i` over the used tokens into `out[outOffset .. outOffset+dim)`
 * (`weight_i = 1` when `weights` is absent) and returns the sum of the weights.
 */
export function sumRows(
  rows: TokenRows,
  dim: number,
  weights: Float64Array | undefined,
  out: Float32Array,
  outOffset: number,
): number {
  const k = kernels();
  out.fill(0, outOffset, outOffset + dim);
  let total = 0;
  for (let i = 0; i < rows.count; i++) {
    const weight = weights === undefined ? 1 : weights[i]!;
    if (weight !== 0) k.axpy(weight, rows.sources[i]!, rows.offsets[i]!, out, outOffset, dim);
    total += weight;
  }
  return total;
}

/**
 * Writes the mean of the unit-normalised vectors `v_i / ‖v_i‖` into `out`, leaving out zero
 * vectors as fastText's `getSentenceVector` does, and returns how many vectors were averaged.
 */
export function unitMeanRows(rows: TokenRows, dim: number, out: Float32Array, outOffset: number): number {
  const k = kernels();
  out.fill(0, outOffset, outOffset + dim);
  let averaged = 0;
  for (let i = 0; i < rows.count; i++) {
    const source = rows.sources[i]!;
    const offset = rows.offsets[i]!;
    const norm = Math.sqrt(k.dot(source, offset, source, offset, dim));
    if (norm > 0) {
      k.axpy(1 / norm, source, offset, out, outOffset, dim);
      averaged++;
    }
  }
  if (averaged > 0) k.scale(1 / averaged, out, outOffset, dim);
  return averaged;
}

/** Writes the per-dimension maximum of the used vectors into `out` (zeros when there is none). */
export function maxRows(rows: TokenRows, dim: number, out: Float32Array, outOffset: number): void {
  if (rows.count === 0) {
    out.fill(0, outOffset, outOffset + dim);
    return;
  }
  const first = rows.sources[0]!;
  const firstOffset = rows.offsets[0]!;
  for (let j = 0; j < dim; j++) out[outOffset + j] = first[firstOffset + j]!;
  for (let i = 1; i < rows.count; i++) {
    const source = rows.sources[i]!;
    const offset = rows.offsets[i]!;
    for (let j = 0; j < dim; j++) {
      const value = source[offset + j]!;
      if (value > out[outOffset + j]!) out[outOffset + j] = value;
    }
  }
}

/**
 * Subtracts from `out[outOffset .. outOffset+dim)` its projection on each of the `count` rows of
 * `components` (orthonormal, row-major): `v ← v − Σ_k (u_k · v) u_k`.
 */
export function removeProjections(
  components: Float32Array,
  count: number,
  dim: number,
  out: Float32Array,
  outOffset: number,
): void {
  const k = kernels();
  for (let c = 0; c < count; c++) {
    const projection = k.dot(components, c * dim, out, outOffset, dim);
    k.axpy(-projection, components, c * dim, out, outOffset, dim);
  }
}
