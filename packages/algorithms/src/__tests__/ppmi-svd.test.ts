import { ConfigError, cosine } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import { ppmiSvd, trainPpmiSvd } from '../ppmi-svd.js';

describe('symmetricEigen', () => {
  it('decomposes a hand-checkable 2x2 matrix', () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, -1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]! * vectors[2]!).toBeGreaterThan(0);
    expect(vectors[1]! * vectors[3]!).toBeLessThan(0);
  });

  it('reconstructs a random symmetric matrix from its eigenpairs', () => {
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = Math.sin(i * 7 + j * 3);
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let c = 0; c < n; c++) sum += vectors[i * n + c]! * values[c]! * vectors[j * n + c]!;
        expect(sum).toBeCloseTo(a[i * n + j]!, 9);
      }
    }
  });
});

describe('ppmi-svd', () => {
  it('gives words that share contexts similar vectors', async () => {
    const sentences: string[][] = [];
    for (let i = 0; i < 200; i++) {
      sentences.push(
        ['the', 'cat', 'drinks', 'milk'],
        ['the', 'dog', 'drinks', 'milk'],
        ['a', 'car', 'needs', 'fuel'],
      );
    }
    const vectors = await trainPpmiSvd(sentences, { dim: 4, window: 2, minCount: 1 }, { seed: 3 });
    const cat = vectors.vector('cat')!;
    expect(cosine(cat, vectors.vector('dog')!)).toBeGreaterThan(cosine(cat, vectors.vector('car')!) + 0.5);
    for (const value of vectors.matrix) expect(Number.isFinite(value)).toBe(true);
  });

  it('rejects absurd options', async () => {
    await expect(trainPpmiSvd([['a', 'b']], { dim: 0, minCount: 1 })).rejects.toBeInstanceOf(ConfigError);
    await expect(trainPpmiSvd([['a', 'b']], { cdsAlpha: 2, minCount: 1 })).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('is registered with defaults for every option it takes', () => {
    expect(ppmiSvd.id).toBe('ppmi-svd');
    expect(Object.keys(ppmiSvd.defaults)).toContain('window');
  });
});

describe('ppmi-svd on lee_background.cor', () => {
  it('trains deterministically with finite vectors', async () => {
    const corpus = fixture('corpora', 'lee_background.cor');
    const first = await trainPpmiSvd(corpus, { dim: 20 }, { seed: 5 });
    const second = await trainPpmiSvd(corpus, { dim: 20 }, { seed: 5 });
    expect(first.size).toBeGreaterThan(1000);
    expect(Buffer.from(first.matrix.buffer).equals(Buffer.from(second.matrix.buffer))).toBe(true);
    for (const value of first.matrix) expect(Number.isFinite(value)).toBe(true);
  });
});
