import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, topK } from '../index.js';

/** The reference: a stable sort of the eligible indices by descending score. */
function bySort(scores: Float32Array, k: number, exclude: (i: number) => boolean, limit: number) {
  const eligible: number[] = [];
  for (let i = 0; i < Math.min(limit, scores.length); i++) {
    if (!Number.isNaN(scores[i]) && !exclude(i)) eligible.push(i);
  }
  eligible.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const indices = eligible.slice(0, k);
  return { indices: Array.from(indices), scores: indices.map((i) => scores[i]!) };
}

// Few distinct values, so ties are common; NaN now and then.
const scoreValue = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: -5, max: 5 }).map((v) => v / 4) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
  { weight: 3, arbitrary: fc.float({ noNaN: true }) },
);

describe('topK', () => {
  it('returns the best scores, ties by lower index (hand-computed)', () => {
    const scores = Float32Array.from([0.5, 0.9, 0.1, 0.9, Number.NaN, 0.7]);
    const top = topK(scores, 3);
    expect(Array.from(top.indices)).toEqual([1, 3, 5]);
    expect(Array.from(top.scores)).toEqual([scores[1], scores[3], scores[5]]);
    expect(Array.from(topK(scores, 3, { exclude: (i) => i === 1 }).indices)).toEqual([3, 5, 0]);
    expect(Array.from(topK(scores, 3, { limit: 3 }).indices)).toEqual([1, 0, 2]);
    expect(Array.from(topK(scores, 10).indices)).toEqual([1, 3, 5, 0, 2]);
    expect(topK(scores, 0).indices.length).toBe(0);
    expect(topK(new Float32Array(0), 5).scores.length).toBe(0);
  });

  it('equals a stable descending sort, with exclusions and a limit', () => {
    fc.assert(
      fc.property(
        fc.array(scoreValue, { maxLength: 200 }),
        fc.nat({ max: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.nat({ max: 220 }), { nil: undefined }),
        (values, k, modulus, limit) => {
          const scores = Float32Array.from(values);
          const exclude = (i: number) => i % modulus === modulus - 1 && modulus > 1;
          const got = topK(scores, k, { exclude, ...(limit === undefined ? {} : { limit }) });
          const expected = bySort(scores, k, exclude, limit ?? scores.length);
          expect(Array.from(got.indices)).toEqual(expected.indices);
          expect(Array.from(got.scores)).toEqual(expected.scores);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts plain arrays and rejects a bad k or limit', () => {
    expect(Array.from(topK([3, 1, 2], 2).indices)).toEqual([0, 2]);
    for (const k of [-1, 1.5, Number.NaN]) expect(() => topK([1], k)).toThrow(ConfigError);
    for (const limit of [-1, 0.5]) expect(() => topK([1], 1, { limit })).toThrow(ConfigError);
  });
});
