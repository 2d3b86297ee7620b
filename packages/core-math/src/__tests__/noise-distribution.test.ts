import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, Random } from '../index.js';
import { NoiseDistribution } from '../kernels-entry.js';

const TWO_POW_32 = 2 ** 32;

/**
 * Recovers the distribution the alias table really samples, through the public `sample` only:
 * a stub generator fixes the column and the 32-bit coin, and a binary search finds each column's
 * acceptance threshold. P(i) = (accepted share of column i + rejected shares aliased to i) / n.
 */
function impliedDistribution(noise: NoiseDistribution): Float64Array {
  const n = noise.size;
  const implied = new Float64Array(n);
  let column = 0;
  let coin = 0;
  const stub = { nextInt: () => column, nextUint32: () => coin } as unknown as Random;
  for (column = 0; column < n; column++) {
    coin = TWO_POW_32 - 1;
    const alias = noise.sample(stub);
    // Smallest coin that no longer returns the column itself (2^32 when every coin accepts).
    let low = 0;
    let high = TWO_POW_32;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      coin = middle;
      if (noise.sample(stub) === column) low = middle + 1;
      else high = middle;
    }
    const accepted = low / TWO_POW_32;
    implied[column]! += accepted / n;
    implied[alias]! += (1 - accepted) / n;
  }
  return implied;
}

const counts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })), {
  minLength: 1,
  maxLength: 40,
});

describe('NoiseDistribution', () => {
  it('gives each item count^0.75 / sum (hand-computed)', () => {
    const noise = new NoiseDistribution([16, 1, 0, 81]);
    // 16^0.75 = 8, 1^0.75 = 1, 81^0.75 = 27: total 36.
    expect(noise.size).toBe(4);
    expect(noise.power).toBe(0.75);
    expect(noise.probability(0)).toBeCloseTo(8 / 36, 15);
    expect(noise.probability(1)).toBeCloseTo(1 / 36, 15);
    expect(noise.probability(2)).toBe(0);
    expect(noise.probability(3)).toBeCloseTo(27 / 36, 15);
    expect(noise.probability(4)).toBe(0);
    expect(noise.probability(-1)).toBe(0);
  });

  it('samples exactly the stated probabilities (alias table recovered through sample)', () => {
    fc.assert(
      fc.property(
        counts.filter((c) => c.some((x) => x > 0)),
        fc.constantFrom(0.75, 1, 0.5, 0, -0.5),
        (c, power) => {
          const noise = new NoiseDistribution(c, power);
          const implied = impliedDistribution(noise);
          let total = 0;
          for (let i = 0; i < c.length; i++) {
            total += noise.probability(i);
            expect(implied[i]).toBeCloseTo(noise.probability(i), 8);
            if (c[i] === 0) expect(implied[i]).toBe(0);
          }
          expect(total).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws with the right frequencies from a real generator', () => {
    const c = [100, 50, 10, 0, 1, 400];
    const noise = new NoiseDistribution(c);
    const random = new Random(9);
    const draws = 200_000;
    const observed = new Float64Array(c.length);
    for (let i = 0; i < draws; i++) observed[noise.sample(random)]! += 1;
    expect(observed[3]).toBe(0);
    let chiSquare = 0;
    for (let i = 0; i < c.length; i++) {
      const expected = draws * noise.probability(i);
      if (expected > 0) chiSquare += (observed[i]! - expected) ** 2 / expected;
    }
    // 4 degrees of freedom: P(chi2 > 18.47) = 0.001.
    expect(chiSquare).toBeLessThan(18.47);
  });

  it('is deterministic for a given seed', () => {
    const noise = new NoiseDistribution([5, 3, 2, 9, 1]);
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 50 }, () => noise.sample(random));
    };
    expect(draw(4)).toEqual(draw(4));
    expect(draw(4)).not.toEqual(draw(5));
  });

  it('rejects empty, all-zero, negative or non-finite counts and a non-finite power', () => {
    expect(() => new NoiseDistribution([])).toThrow(ConfigError);
    expect(() => new NoiseDistribution([0, 0, 0])).toThrow(ConfigError);
    expect(() => new NoiseDistribution([1, -1])).toThrow(ConfigError);
    expect(() => new NoiseDistribution([1, Number.NaN])).toThrow(ConfigError);
    expect(() => new NoiseDistribution([1, Number.POSITIVE_INFINITY])).toThrow(ConfigError);
    expect(() => new NoiseDistribution([1, 2], Number.NaN)).toThrow(ConfigError);
    expect(() => new NoiseDistribution([1e300, 2], 2)).toThrow(ConfigError);
  });
});
