import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DimensionMismatchError,
  cosine,
  norm,
  normalizeInPlace,
  normalizeRows,
} from '../index.js';

const value = fc.float({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
const vector = (n: number) =>
  fc.array(value, { minLength: n, maxLength: n }).map((v) => Float32Array.from(v));
const vectorPair = fc.integer({ min: 1, max: 32 }).chain((n) => fc.tuple(vector(n), vector(n)));

function naiveNorm(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum);
}

describe('norm and normalizeInPlace', () => {
  it('computes the Euclidean norm of the whole array or of an offset range (hand-computed)', () => {
    expect(norm(Float32Array.from([3, 4]))).toBe(5);
    expect(norm(Float32Array.from([9, 1, 2, 2, 9]), 1, 3)).toBe(3);
    expect(norm(new Float32Array(0))).toBe(0);
  });

  it('scales to unit length, keeps a zero vector zero and returns the old norm', () => {
    const x = Float32Array.from([7, 3, 4, 7]);
    expect(normalizeInPlace(x, 1, 2)).toBe(5);
    expect(Array.from(x)).toEqual([7, expect.closeTo(0.6, 7), expect.closeTo(0.8, 7), 7]);
    const zero = new Float32Array(4);
    expect(normalizeInPlace(zero)).toBe(0);
    expect(Array.from(zero)).toEqual([0, 0, 0, 0]);
  });

  it('leaves every non-zero vector with norm 1 and the same direction', () => {
    fc.assert(
      fc.property(
        vector(8).filter((v) => naiveNorm(v) > 1e-3),
        (v) => {
          const before = v.slice();
          const length = normalizeInPlace(v);
          expect(length).toBeCloseTo(naiveNorm(before), 2);
          expect(naiveNorm(v)).toBeCloseTo(1, 5);
          for (let i = 0; i < v.length; i++) expect(v[i]).toBeCloseTo(before[i]! / length, 6);
        },
      ),
    );
  });
});

describe('cosine', () => {
  it('gives hand-computed values and 0 for a zero vector', () => {
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 2]))).toBe(0);
    expect(cosine(Float32Array.from([1, 1]), Float32Array.from([2, 2]))).toBeCloseTo(1, 12);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([-3, 0]))).toBe(-1);
    expect(cosine(Float32Array.from([3, 4]), Float32Array.from([4, 3]))).toBeCloseTo(24 / 25, 12);
    expect(cosine(new Float32Array(3), Float32Array.from([1, 2, 3]))).toBe(0);
    expect(cosine(new Float32Array(3), new Float32Array(3))).toBe(0);
  });

  it('equals the naive formula, stays in [-1, 1] and is never NaN', () => {
    fc.assert(
      fc.property(vectorPair, ([a, b]) => {
        const got = cosine(a, b);
        expect(Number.isNaN(got)).toBe(false);
        expect(got).toBeGreaterThanOrEqual(-1);
        expect(got).toBeLessThanOrEqual(1);
        const na = naiveNorm(a);
        const nb = naiveNorm(b);
        if (na === 0 || nb === 0) {
          expect(got).toBe(0);
          return;
        }
        let dot = 0;
        for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
        expect(got).toBeCloseTo(dot / (na * nb), 9);
        expect(cosine(b, a)).toBe(got);
      }),
    );
  });

  it('throws DimensionMismatchError for vectors of different lengths', () => {
    expect(() => cosine(new Float32Array(2), new Float32Array(3))).toThrow(DimensionMismatchError);
  });
});

describe('normalizeRows', () => {
  it('normalises the first rows in place, keeps zero rows zero and leaves the rest alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.nat({ max: 5 }),
        fc.nat({ max: 3 }),
        (dim, rows, extra) => {
          const matrix = new Float32Array((rows + extra) * dim).map((_, i) => ((i * 7919) % 13) - 6);
          if (rows > 0) matrix.fill(0, 0, dim); // row 0 is zero
          const before = matrix.slice();
          normalizeRows(matrix, rows, dim);
          for (let r = 0; r < rows; r++) {
            const row = matrix.subarray(r * dim, (r + 1) * dim);
            const original = before.subarray(r * dim, (r + 1) * dim);
            if (naiveNorm(original) === 0) expect(naiveNorm(row)).toBe(0);
            else expect(naiveNorm(row)).toBeCloseTo(1, 6);
          }
          expect(matrix.subarray(rows * dim)).toEqual(before.subarray(rows * dim));
        },
      ),
    );
  });

  it('rejects a bad shape', () => {
    expect(() => normalizeRows(new Float32Array(5), 2, 3)).toThrow(DimensionMismatchError);
    expect(() => normalizeRows(new Float32Array(6), 1.5, 3)).toThrow(ConfigError);
    expect(() => normalizeRows(new Float32Array(6), 2, -3)).toThrow(ConfigError);
  });
});
