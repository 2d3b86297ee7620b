import { ConfigError, DimensionMismatchError, isEmbeddingError, KeyNotFoundError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { cosineSimilarities, ExactIndex } from '../index.js';
import { handVectors, randomVectors, rankAll } from './fixtures.js';

const vectors = handVectors([
  ['north', [0, 1]],
  ['east', [1, 0]],
  ['northeast', [1, 1]],
  ['void', [0, 0]],
  ['south', [0, -1]],
  ['nne', [1, 2]],
]);
const index = new ExactIndex(vectors);
const keys = (neighbors: { key: string }[]) => neighbors.map((n) => n.key);

describe('ExactIndex.nearest', () => {
  it('ranks by cosine similarity and leaves out the query word', () => {
    const result = index.nearest('north', { k: 3 });
    expect(keys(result)).toEqual(['nne', 'northeast', 'east']);
    expect(result[0]).toEqual({ key: 'nne', index: 5, score: expect.closeTo(2 / Math.sqrt(5), 6) });
    expect(result[1]!.score).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('keeps every row for a vector query, and scores a zero row 0', () => {
    const result = index.nearest(Float32Array.of(0, 3), { k: 6 });
    expect(keys(result)).toEqual(['north', 'nne', 'northeast', 'east', 'void', 'south']);
    expect(result[4]!.score).toBe(0);
    expect(result[3]!.score).toBe(0);
  });

  it('breaks ties by the lower row', () => {
    // east and void both score 0 against north; south scores -1.
    expect(keys(index.nearest('north', { k: 10 })).slice(2)).toEqual(['east', 'void', 'south']);
    expect(keys(index.nearest(new Float32Array(2), { k: 3 }))).toEqual(['north', 'east', 'northeast']);
  });

  it('honours exclude (unknown keys are ignored) and restrictVocab', () => {
    expect(keys(index.nearest('north', { k: 2, exclude: ['nne', 'no-such-word'] }))).toEqual([
      'northeast',
      'east',
    ]);
    expect(keys(index.nearest('north', { k: 10, restrictVocab: 3 }))).toEqual(['northeast', 'east']);
    expect(keys(index.nearest('south', { k: 10, restrictVocab: 3 }))).toEqual(['east', 'northeast', 'north']);
  });

  it('returns nothing for k = 0 and everything for a large k', () => {
    expect(index.nearest('north', { k: 0 })).toEqual([]);
    expect(index.nearest('north', { k: 100 })).toHaveLength(5);
  });

  it('reports unknown words, wrong dimensions and bad options', () => {
    const error = (() => {
      try {
        index.nearest('west');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KeyNotFoundError);
    expect(isEmbeddingError(error, 'KEY_NOT_FOUND') && (error as KeyNotFoundError).key).toBe('west');
    expect(() => index.nearest(Float32Array.of(1, 2, 3))).toThrow(DimensionMismatchError);
    expect(() => index.nearest('north', { k: -1 })).toThrow(ConfigError);
    expect(() => index.nearest('north', { k: 1.5 })).toThrow(ConfigError);
    expect(() => index.nearest('north', { restrictVocab: 0 })).toThrow(ConfigError);
  });

  it('stops a batch through its signal', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => index.nearestBatch(['north', 'east'], { signal: controller.signal })).toThrow(/cancelled/);
  });
});

describe('ExactIndex on random vectors', () => {
  it('matches a full sort of every cosine, over several cache blocks (dim 128, 1500 rows)', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const big = randomVectors(words, 128, 7);
    const query = randomVectors(['q'], 128, 8).row(0);
    const expected = rankAll(cosineSimilarities(big, query)).slice(0, 25);
    const got = new ExactIndex(big).nearest(query, { k: 25 });
    expect(got.map((n) => n.index)).toEqual(expected);
    const scores = cosineSimilarities(big, query);
    for (const n of got) expect(n.score).toBeCloseTo(scores[n.index]!, 6);
  });

  it('answers a batch of 700 queries (two query blocks) exactly as one query at a time', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const vs = randomVectors(words, 8, 3);
    const idx = new ExactIndex(vs);
    const queries = [...words, ...words.slice(0, 300).map((w) => vs.vector(w)!), ...words.slice(0, 100)];
    const batch = idx.nearestBatch(queries, { k: 5, exclude: ['w0'], restrictVocab: 250 });
    expect(batch).toHaveLength(700);
    queries.forEach((query, i) => {
      const single = idx.nearest(query, { k: 5, exclude: ['w0'], restrictVocab: 250 });
      expect(batch[i]).toEqual(single);
      const self = typeof query === 'string' ? vs.requireIndex(query) : -1;
      const expected = rankAll(
        cosineSimilarities(vs, typeof query === 'string' ? vs.row(self) : query),
        (r) => {
          return r === 0 || r === self || r >= 250;
        },
      );
      expect(single.map((n) => n.index)).toEqual(expected.slice(0, 5));
    });
  });
});
