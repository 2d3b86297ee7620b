import { ConfigError, DimensionMismatchError, KeyNotFoundError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import {
  closerThan,
  distance,
  distances,
  doesntMatch,
  getMeanVector,
  mostSimilarToGiven,
  nSimilarity,
  rank,
  rankByCentrality,
  relativeCosineSimilarity,
  similarity,
} from '../index.js';
import { handVectors } from './fixtures.js';

// `__proto__` and `constructor` are ordinary words.
const kv = handVectors([
  ['a', [1, 0, 0]],
  ['b', [1, 1, 0]],
  ['__proto__', [0, 1, 0]],
  ['constructor', [0, 0, 2]],
  ['zero', [0, 0, 0]],
]);

describe('KeyedVectors methods on hand-computed vectors', () => {
  it('similarity, distance and distances', () => {
    expect(similarity(kv, 'a', 'b')).toBeCloseTo(Math.SQRT1_2, 7);
    expect(distance(kv, '__proto__', 'constructor')).toBeCloseTo(1, 7);
    expect(similarity(kv, 'a', 'zero')).toBe(0);
    expect(Array.from(distances(kv, 'a', ['b', '__proto__']))).toEqual([
      expect.closeTo(1 - Math.SQRT1_2, 7),
      expect.closeTo(1, 7),
    ]);
    // Every row, the word itself included (distance 0) and the zero vector at 1.
    expect(Array.from(distances(kv, Float32Array.of(2, 0, 0)))).toEqual([
      expect.closeTo(0, 7),
      expect.closeTo(1 - Math.SQRT1_2, 7),
      expect.closeTo(1, 7),
      expect.closeTo(1, 7),
      expect.closeTo(1, 7),
    ]);
  });

  it('getMeanVector: weights over their absolute sum, pre- and post-normalisation, unknown words skipped', () => {
    expect(Array.from(getMeanVector(kv, ['a', 'constructor']))).toEqual([0.5, 0, 0.5]);
    expect(Array.from(getMeanVector(kv, ['a', 'constructor'], { preNormalize: false }))).toEqual([0.5, 0, 1]);
    expect(Array.from(getMeanVector(kv, ['a', 'missing', '__proto__'], { weights: [3, 7, -1] }))).toEqual([
      0.75, -0.25, 0,
    ]);
    const unit = getMeanVector(kv, [Float32Array.of(3, 4, 0)], { postNormalize: true });
    expect(Array.from(unit)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6), 0]);
    expect(Array.from(getMeanVector(kv, ['missing']))).toEqual([0, 0, 0]);
  });

  it('nSimilarity compares the means of the raw vectors', () => {
    expect(nSimilarity(kv, ['a', '__proto__'], ['b', 'missing'])).toBeCloseTo(1, 6);
    expect(nSimilarity(kv, ['a'], ['constructor'])).toBeCloseTo(0, 7);
  });

  it('closerThan and rank count the words nearer than the other one', () => {
    expect(closerThan(kv, 'a', '__proto__')).toEqual(['b']);
    expect(rank(kv, 'a', '__proto__')).toBe(2);
    expect(rank(kv, 'a', 'b')).toBe(1);
  });

  it('mostSimilarToGiven takes the first of equals; relativeCosineSimilarity divides by the top-n sum', () => {
    expect(mostSimilarToGiven(kv, 'b', ['__proto__', 'a', 'constructor'])).toBe('__proto__');
    expect(mostSimilarToGiven(kv, 'a', ['constructor', 'b'])).toBe('b');
    // a's neighbours: b (0.7071), then __proto__, constructor and zero at 0.
    expect(relativeCosineSimilarity(kv, 'a', 'b', 2)).toBeCloseTo(1, 6);
    expect(relativeCosineSimilarity(kv, 'b', 'a', 2)).toBeCloseTo(0.5, 6);
  });

  it('doesntMatch drops the word farthest from the centroid; ties go to the smaller word', () => {
    expect(doesntMatch(kv, ['a', 'b', '__proto__', 'constructor'])).toBe('constructor');
    expect(doesntMatch(kv, ['constructor', 'missing', '__proto__'])).toBe('__proto__');
    expect(rankByCentrality(kv, ['a', 'b']).map((c) => c.word)).toEqual(['b', 'a']);
    // Raw vectors: b = (1, 1, 0) scored against the unit mean of a and b, (1, 0.5, 0) / |(1, 0.5, 0)|.
    expect(rankByCentrality(kv, ['a', 'b'], false)[0]!.score).toBeCloseTo(1.5 / Math.sqrt(1.25), 6);
  });
});

describe('KeyedVectors methods on bad input', () => {
  it('name the unknown word where gensim raises KeyError', () => {
    const calls: [string, () => unknown][] = [
      ['similarity', () => similarity(kv, 'a', 'nope')],
      ['distance', () => distance(kv, 'nope', 'a')],
      ['distances', () => distances(kv, 'a', ['b', 'nope'])],
      ['closerThan', () => closerThan(kv, 'a', 'nope')],
      ['rank', () => rank(kv, 'nope', 'a')],
      ['mostSimilarToGiven', () => mostSimilarToGiven(kv, 'a', ['b', 'nope'])],
      ['relativeCosineSimilarity', () => relativeCosineSimilarity(kv, 'nope', 'a')],
      ['getMeanVector', () => getMeanVector(kv, ['a', 'nope'], { ignoreMissing: false })],
    ];
    for (const [name, call] of calls) {
      expect(call, name).toThrow(KeyNotFoundError);
      expect(call, name).toThrow('word "nope" is not in the vocabulary');
    }
  });

  it('report a list with no known word instead of answering from nothing', () => {
    expect(() => nSimilarity(kv, ['x', 'y'], ['a'])).toThrow(
      'word "x" is not in the vocabulary (nor is any other word of words1)',
    );
    expect(() => doesntMatch(kv, ['x', 'y'])).toThrow(KeyNotFoundError);
  });

  it('reject empty lists, a single word to doesntMatch and bad options', () => {
    expect(() => nSimilarity(kv, [], ['a'])).toThrow('option words1: got "[]", expected at least one word');
    expect(() => nSimilarity(kv, ['a'], [])).toThrow(ConfigError);
    expect(() => getMeanVector(kv, [])).toThrow('option keys');
    expect(() => rankByCentrality(kv, [])).toThrow(ConfigError);
    expect(() => doesntMatch(kv, [])).toThrow(ConfigError);
    expect(() => doesntMatch(kv, ['a', 'missing'])).toThrow(
      'option words: got "a missing", expected at least two words of the vocabulary to compare',
    );
    expect(() => mostSimilarToGiven(kv, 'a', [])).toThrow(ConfigError);
    expect(() => relativeCosineSimilarity(kv, 'a', 'b', 0)).toThrow('option topn: got 0');
    expect(() => getMeanVector(kv, ['a', 'b'], { weights: [1] })).toThrow(DimensionMismatchError);
    expect(() => getMeanVector(kv, ['a'], { weights: [Number.NaN] })).toThrow('option weights[0]');
    expect(() => getMeanVector(kv, [Float32Array.of(1, 2)])).toThrow(DimensionMismatchError);
    expect(() => distances(kv, Float32Array.of(1))).toThrow(DimensionMismatchError);
  });
});
