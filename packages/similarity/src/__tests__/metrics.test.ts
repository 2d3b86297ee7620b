import { DimensionMismatchError } from '@embedkit/core-math';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cosineSimilarities,
  cosineSimilarity,
  dotProduct,
  dotProducts,
  euclideanDistance,
  euclideanDistances,
  manhattanDistance,
  manhattanDistances,
} from '../index.js';
import { handVectors, randomVectors } from './fixtures.js';

const a = Float32Array.of(1, 2, 2);
const b = Float32Array.of(3, 0, -4);
const zero = new Float32Array(3);

describe('pair metrics', () => {
  it('match hand-computed values', () => {
    expect(dotProduct(a, b)).toBe(-5);
    expect(cosineSimilarity(a, b)).toBeCloseTo(-5 / 15, 12);
    expect(euclideanDistance(a, b)).toBeCloseTo(Math.sqrt(4 + 4 + 36), 12);
    expect(manhattanDistance(a, b)).toBe(2 + 2 + 6);
  });

  it('give a zero vector cosine 0, never NaN', () => {
    expect(cosineSimilarity(zero, a)).toBe(0);
    expect(cosineSimilarity(zero, zero)).toBe(0);
    expect(euclideanDistance(zero, a)).toBe(3);
  });

  it('reject vectors of different lengths', () => {
    const short = Float32Array.of(1, 2);
    for (const metric of [cosineSimilarity, dotProduct, euclideanDistance, manhattanDistance]) {
      expect(() => metric(a, short)).toThrow(DimensionMismatchError);
    }
  });
});

describe('one query against all rows', () => {
  const vectors = handVectors([
    ['x', [1, 0]],
    ['y', [0, 2]],
    ['nothing', [0, 0]],
    ['minus', [-3, -4]],
  ]);
  const query = Float32Array.of(3, 4);

  it('scores every row in row order', () => {
    expect([...cosineSimilarities(vectors, query)]).toEqual([0.6000000238418579, 0.800000011920929, 0, -1]);
    expect([...dotProducts(vectors, query)]).toEqual([3, 8, 0, -25]);
    expect([...euclideanDistances(vectors, query)].map((d) => d * d)).toEqual([
      expect.closeTo(4 + 16, 5),
      expect.closeTo(9 + 4, 5),
      expect.closeTo(25, 5),
      expect.closeTo(36 + 64, 5),
    ]);
    expect([...manhattanDistances(vectors, query)]).toEqual([6, 5, 7, 14]);
  });

  it('gives a zero query cosine 0 with every row', () => {
    expect([...cosineSimilarities(vectors, new Float32Array(2))]).toEqual([0, 0, 0, 0]);
  });

  it('rejects a query of the wrong dimension', () => {
    for (const metric of [cosineSimilarities, dotProducts, euclideanDistances, manhattanDistances]) {
      expect(() => metric(vectors, Float32Array.of(1, 2, 3))).toThrow(DimensionMismatchError);
    }
  });

  it('agrees with the pair metrics on every row (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        (size, dim, seed) => {
          const keys = Array.from({ length: size }, (_, i) => `w${i}`);
          const vs = randomVectors(keys, dim, seed);
          const q = randomVectors(['q'], dim, seed + 1).row(0);
          const cos = cosineSimilarities(vs, q);
          const dots = dotProducts(vs, q);
          const l2 = euclideanDistances(vs, q);
          const l1 = manhattanDistances(vs, q);
          for (let r = 0; r < size; r++) {
            const row = vs.row(r);
            expect(cos[r]).toBeCloseTo(cosineSimilarity(row, q), 5);
            expect(dots[r]).toBeCloseTo(dotProduct(row, q), 4);
            expect(l2[r]).toBeCloseTo(euclideanDistance(row, q), 4);
            expect(l1[r]).toBeCloseTo(manhattanDistance(row, q), 4);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
