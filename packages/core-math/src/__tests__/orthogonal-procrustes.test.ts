import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { ConfigError, DimensionMismatchError, NumericError, orthogonalProcrustes, Random } from '../index.js';

/** A seeded rows x dim matrix of values in [-1, 1). */
function randomMatrix(rows: number, dim: number, seed: number): Float32Array {
  const random = new Random(seed);
  return Float32Array.from({ length: rows * dim }, () => 2 * random.nextFloat() - 1);
}

/** source · rotation (rows x dim times dim x dim, both row-major). */
function multiply(
  source: Float32Array,
  rotation: ArrayLike<number>,
  rows: number,
  dim: number,
): Float32Array {
  const out = new Float32Array(rows * dim);
  for (let n = 0; n < rows; n++)
    for (let c = 0; c < dim; c++) {
      let sum = 0;
      for (let k = 0; k < dim; k++) sum += source[n * dim + k]! * rotation[k * dim + c]!;
      out[n * dim + c] = sum;
    }
  return out;
}

/** The largest entry of |Rᵀ·R − I|. */
function orthogonalityError(rotation: Float64Array, dim: number): number {
  let worst = 0;
  for (let i = 0; i < dim; i++)
    for (let j = 0; j < dim; j++) {
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += rotation[k * dim + i]! * rotation[k * dim + j]!;
      worst = Math.max(worst, Math.abs(dot - (i === j ? 1 : 0)));
    }
  return worst;
}

describe('orthogonalProcrustes', () => {
  it('gives the rotation SciPy gives (fixtures/reference/scipy-procrustes.json)', () => {
    const recorded = JSON.parse(readFileSync(fixture('reference', 'scipy-procrustes.json'), 'utf8')) as {
      rows: number;
      dim: number;
      source: number[];
      target: number[];
      rotation: number[];
    };
    const rotation = orthogonalProcrustes(
      Float32Array.from(recorded.source),
      Float32Array.from(recorded.target),
      recorded.rows,
      recorded.dim,
    );
    rotation.forEach((value, i) => {
      expect(value).toBeCloseTo(recorded.rotation[i]!, 6);
    });
  });

  it('recovers a known orthogonal map exactly, reflections included', () => {
    const dim = 5;
    const source = randomMatrix(40, dim, 3);
    // A permutation with one sign flip: orthogonal, determinant -1.
    const map = new Float64Array(dim * dim);
    [2, 0, 4, 1, 3].forEach((to, from) => {
      map[from * dim + to] = from === 1 ? -1 : 1;
    });
    const rotation = orthogonalProcrustes(source, multiply(source, map, 40, dim), 40, dim);
    rotation.forEach((value, i) => {
      expect(value).toBeCloseTo(map[i]!, 9);
    });
  });

  it('stays orthogonal when the cross-covariance is singular (fewer rows than dimensions)', () => {
    const dim = 8;
    const rotation = orthogonalProcrustes(randomMatrix(3, dim, 5), randomMatrix(3, dim, 6), 3, dim);
    expect(orthogonalityError(rotation, dim)).toBeLessThan(1e-9);
  });

  it('refuses bad shapes and values with typed errors', () => {
    const ok = randomMatrix(4, 2, 1);
    expect(() => orthogonalProcrustes(ok, ok, 0, 2)).toThrow(ConfigError);
    expect(() => orthogonalProcrustes(ok, ok, 4, 1.5)).toThrow(ConfigError);
    expect(() => orthogonalProcrustes(ok, ok.subarray(2), 4, 2)).toThrow(DimensionMismatchError);
    const bad = ok.slice();
    bad[3] = Number.NaN;
    expect(() => orthogonalProcrustes(ok, bad, 4, 2)).toThrow(/target value at row 1, column 1 is NaN/);
    expect(() => orthogonalProcrustes(bad, ok, 4, 2)).toThrow(NumericError);
  });
});
