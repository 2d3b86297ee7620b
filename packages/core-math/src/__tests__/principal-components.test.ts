import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import { ConfigError, DimensionMismatchError, NumericError, Random, principalComponents } from '../index.js';
import { tsKernels } from '../kernels-entry.js';

/**
 * Rows = latent factors with scales 8, 4, 2, 1 mixed into `dim` dimensions, plus small noise and a
 * constant offset (the "common direction" SIF removes). Well separated singular values.
 */
function plantedMatrix(rows: number, dim: number, seed: number): Float32Array {
  const random = new Random(seed);
  const scales = [8, 4, 2, 1];
  const mixing = Float64Array.from({ length: scales.length * dim }, () => random.nextFloat() - 0.5);
  const offset = Float64Array.from({ length: dim }, () => 1 + random.nextFloat());
  const matrix = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    const factors = scales.map((s) => s * (random.nextFloat() - 0.5));
    for (let j = 0; j < dim; j++) {
      let value = offset[j]! + 0.02 * (random.nextFloat() - 0.5);
      factors.forEach((f, c) => {
        value += f * mixing[c * dim + j]!;
      });
      matrix[r * dim + j] = value;
    }
  }
  return matrix;
}

function dot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, n: number): number {
  return tsKernels.dot(a, aOffset, b, bOffset, n);
}

function expectOrthonormal(components: Float32Array, k: number, dim: number): void {
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      expect(dot(components, a * dim, components, b * dim, dim)).toBeCloseTo(a === b ? 1 : 0, 6);
    }
  }
}

function expectLargestCoordinatePositive(components: Float32Array, k: number, dim: number): void {
  for (let c = 0; c < k; c++) {
    const row = Array.from(components.subarray(c * dim, (c + 1) * dim));
    const largest = row.reduce((best, v, j) => (Math.abs(v) > Math.abs(row[best]!) ? j : best), 0);
    expect(row[largest]).toBeGreaterThan(0);
  }
}

describe('principalComponents', () => {
  it('finds hand-computed directions', () => {
    const diagonal = principalComponents(Float32Array.from([3, 0, 0, 1]), 2, 2, 2);
    expect(Array.from(diagonal)).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(0, 6),
      expect.closeTo(0, 6),
      expect.closeTo(1, 6),
    ]);
    const line = principalComponents(Float32Array.from([1, 1, 2, 2, -1, -1]), 3, 2, 1);
    expect(Array.from(line)).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(Math.SQRT1_2, 6)]);
    // Centred, the rows (10, 0) and (10, 2) differ only along the second axis.
    const offset = Float32Array.from([10, 0, 10, 2]);
    expect(Array.from(principalComponents(offset, 2, 2, 1, { center: true }))).toEqual([
      expect.closeTo(0, 6),
      expect.closeTo(1, 6),
    ]);
    // Uncentred: the top eigenvector of XᵀX = [[200, 20], [20, 4]], y / x = (λ - 200) / 20 with
    // λ = 102 + sqrt(10004).
    const [x, y] = principalComponents(offset, 2, 2, 1);
    expect(y! / x!).toBeCloseTo((102 + Math.sqrt(10004) - 200) / 20, 6);
  });

  it('returns orthonormal directions, largest coordinate positive, eigenvalues descending', () => {
    const rows = 150;
    const dim = 10;
    const matrix = plantedMatrix(rows, dim, 1);
    for (const center of [false, true]) {
      const k = 5;
      const components = principalComponents(matrix, rows, dim, k, { center });
      expectOrthonormal(components, k, dim);
      expectLargestCoordinatePositive(components, k, dim);
      // Energy along each direction (uncentred: ||X u||²) never increases.
      const energies = Array.from({ length: k }, (_, c) => {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum += dot(matrix, r * dim, components, c * dim, dim) ** 2;
        return sum;
      });
      if (!center)
        for (let c = 1; c < k; c++) expect(energies[c]!).toBeLessThanOrEqual(energies[c - 1]! * 1.000001);
    }
  });

  it('is reproducible for a seed and completes the basis of a rank-deficient matrix', () => {
    const matrix = plantedMatrix(40, 6, 2);
    expect(principalComponents(matrix, 40, 6, 3, { seed: 5 })).toEqual(
      principalComponents(matrix, 40, 6, 3, { seed: 5 }),
    );
    // Rank 1: every row a multiple of (1, 2, 2) / 3.
    const rankOne = Float32Array.from([1, 2, 2, -2, -4, -4, 0.5, 1, 1]);
    const components = principalComponents(rankOne, 3, 3, 3);
    expectOrthonormal(components, 3, 3);
    expect(Array.from(components.subarray(0, 3))).toEqual([
      expect.closeTo(1 / 3, 6),
      expect.closeTo(2 / 3, 6),
      expect.closeTo(2 / 3, 6),
    ]);
    const zero = principalComponents(new Float32Array(12), 3, 4, 4);
    expectOrthonormal(zero, 4, 4);
  });

  it('validates its arguments', () => {
    const m = new Float32Array(6);
    expect(() => principalComponents(m, 2, 3, 4)).toThrow(ConfigError);
    expect(() => principalComponents(m, 2, 3, 0)).toThrow(ConfigError);
    expect(() => principalComponents(m, 0, 3, 1)).toThrow(ConfigError);
    expect(() => principalComponents(m, 2, 3, 1, { iterations: 0 })).toThrow(ConfigError);
    expect(() => principalComponents(m, 3, 3, 1)).toThrow(DimensionMismatchError);
    expect(() => principalComponents(Float32Array.from([1, Number.NaN]), 1, 2, 1)).toThrow(NumericError);
  });
});

describeIf(hasGensim, 'needs /usr/bin/python3 with numpy (installed with python3-gensim)')(
  'principalComponents against numpy',
  () => {
    it('equals the top right singular vectors of numpy.linalg.svd, uncentred and centred', () => {
      const rows = 300;
      const dim = 16;
      const k = 4;
      const matrix = plantedMatrix(rows, dim, 3);
      const dir = mkdtempSync(join(tmpdir(), 'core-math-pca-'));
      try {
        const file = join(dir, 'matrix.f32');
        writeFileSync(file, matrix);
        const output = runPython(
          `
import json, sys
import numpy as np
x = np.fromfile(sys.argv[1], dtype='<f4').astype(np.float64).reshape(${rows}, ${dim})
out = {}
for name, m in (('uncentred', x), ('centred', x - x.mean(axis=0))):
    _, s, vt = np.linalg.svd(m, full_matrices=False)
    out[name] = vt[:${k}].tolist()
print(json.dumps(out))
`,
          [file],
        );
        const expected = JSON.parse(output) as Record<'uncentred' | 'centred', number[][]>;
        for (const center of [false, true]) {
          const components = principalComponents(matrix, rows, dim, k, { center });
          const reference = expected[center ? 'centred' : 'uncentred'];
          for (let c = 0; c < k; c++) {
            const ours = Array.from(components.subarray(c * dim, (c + 1) * dim));
            const theirs = reference[c]!;
            // Singular vectors are defined up to sign.
            const agreement = Math.abs(ours.reduce((sum, v, j) => sum + v * theirs[j]!, 0));
            expect(agreement).toBeGreaterThan(1 - 1e-6);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
