import { ConfigError, DimensionMismatchError, KeyNotFoundError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, mostSimilar, mostSimilarCosmul } from '../index.js';
import { handVectors } from './fixtures.js';

const vectors = handVectors([
  ['man', [1, 0, 0.1]],
  ['woman', [0.1, 1, 0]],
  ['king', [1, 0.1, 1]],
  ['queen', [0, 1, 1]],
  ['prince', [1, 0, 0.9]],
  ['apple', [-1, -1, 0.2]],
  ['zero', [0, 0, 0]],
]);
const unit = (word: string) => {
  const v = vectors.vector(word)!;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const keys = (neighbors: { key: string }[]) => neighbors.map((n) => n.key);

describe('mostSimilar (3CosAdd)', () => {
  it('solves king - man + woman and scores the cosine to the mean of unit vectors', () => {
    const result = mostSimilar(vectors, { positive: ['king', 'woman'], negative: ['man'], topn: 3 });
    expect(keys(result)).toEqual(['queen', 'prince', 'zero']);
    const u = [unit('king'), unit('woman'), unit('man')];
    const mean = Float32Array.from({ length: 3 }, (_, j) => u[0]![j]! + u[1]![j]! - u[2]![j]!);
    expect(result[0]!.score).toBeCloseTo(cosineSimilarity(vectors.vector('queen')!, mean), 6);
    expect(result[1]!.score).toBeCloseTo(cosineSimilarity(vectors.vector('prince')!, mean), 6);
    expect(result[2]!.score).toBe(0);
  });

  it('never returns the input words and accepts single words and vectors', () => {
    const byWord = mostSimilar(vectors, { positive: 'king', topn: 10 });
    expect(keys(byWord)).not.toContain('king');
    expect(byWord).toHaveLength(6);
    const byVector = mostSimilar(vectors, { positive: [vectors.vector('king')!], topn: 2 });
    expect(keys(byVector)).toEqual(['king', 'prince']);
    expect(byVector[0]!.score).toBeCloseTo(1, 6);
  });

  it('ranks by dissimilarity with only negative words', () => {
    expect(keys(mostSimilar(vectors, { negative: ['apple'], topn: 1 }))).toEqual(['woman']);
  });

  it('gives 0, not NaN, when the terms cancel out', () => {
    const result = mostSimilar(vectors, {
      positive: [vectors.vector('man')!],
      negative: [vectors.vector('man')!],
    });
    expect(result.map((n) => n.score)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('honours restrictVocab and topn', () => {
    expect(keys(mostSimilar(vectors, { positive: ['queen'], restrictVocab: 3 }))).toEqual([
      'woman',
      'king',
      'man',
    ]);
    expect(mostSimilar(vectors, { positive: ['queen'], topn: 0 })).toEqual([]);
  });

  it('names the missing word and rejects empty or bad input', () => {
    expect(() => mostSimilar(vectors, { positive: ['king', 'emperor'], negative: ['man'] })).toThrow(
      expect.objectContaining({ key: 'emperor', constructor: KeyNotFoundError }),
    );
    expect(() => mostSimilar(vectors, { positive: ['king'], negative: ['pauper'] })).toThrow(/"pauper"/);
    expect(() => mostSimilar(vectors, {})).toThrow(ConfigError);
    expect(() => mostSimilar(vectors, { positive: [Float32Array.of(1, 2)] })).toThrow(DimensionMismatchError);
    expect(() => mostSimilar(vectors, { positive: ['king'], topn: -2 })).toThrow(ConfigError);
  });
});

describe('mostSimilarCosmul (3CosMul)', () => {
  const shifted = (a: string, b: string) =>
    (1 + cosineSimilarity(vectors.vector(a)!, vectors.vector(b)!)) / 2;

  it('scores the product of shifted cosines over the shifted negative plus 1e-6', () => {
    const result = mostSimilarCosmul(vectors, { positive: ['king', 'woman'], negative: ['man'], topn: 2 });
    expect(keys(result)).toEqual(['queen', 'prince']);
    for (const { key, score } of result) {
      expect(score).toBeCloseTo(
        (shifted(key, 'king') * shifted(key, 'woman')) / (shifted(key, 'man') + 1e-6),
        5,
      );
    }
  });

  it('divides by 1 + 1e-6 without negative words, and scores a zero row as cosine 0', () => {
    const result = mostSimilarCosmul(vectors, { positive: ['king', 'queen'], topn: 10 });
    const zero = result.find((n) => n.key === 'zero')!;
    expect(zero.score).toBeCloseTo(0.25 / (1 + 1e-6), 7);
    const prince = result.find((n) => n.key === 'prince')!;
    expect(prince.score).toBeCloseTo(
      (shifted('prince', 'king') * shifted('prince', 'queen')) / (1 + 1e-6),
      6,
    );
  });

  it('needs a positive word and names a missing one', () => {
    expect(() => mostSimilarCosmul(vectors, { negative: ['man'] })).toThrow(ConfigError);
    expect(() => mostSimilarCosmul(vectors, { positive: ['king'], negative: ['serf'] })).toThrow(
      KeyNotFoundError,
    );
  });

  it('honours restrictVocab (which gensim 4.2 ignores here)', () => {
    expect(keys(mostSimilarCosmul(vectors, { positive: ['queen'], restrictVocab: 2 }))).toEqual([
      'woman',
      'man',
    ]);
  });
});
