import { ConfigError } from '@embedkit/core-math';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relaxedWmDistance, WmdIndex, wmDistance } from '../index.js';
import { handVectors, randomVectors } from './fixtures.js';

const kv = handVectors([
  ['north', [0, 2]],
  ['east', [3, 0]],
  ['west', [-1, 0]],
  ['__proto__', [0, -5]],
]);

describe('wmDistance', () => {
  it('moves normalised bags of words over Euclidean distances (hand-computed)', () => {
    // Unit vectors: north (0,1), east (1,0), west (-1,0), __proto__ (0,-1).
    expect(wmDistance(kv, ['north'], ['east'])).toBeCloseTo(Math.SQRT2, 12);
    expect(wmDistance(kv, ['north', 'north', 'west'], ['north', 'east', 'east'])).toBeCloseTo(
      (1 / 3) * Math.SQRT2 + (1 / 3) * 2,
      12,
    );
    expect(wmDistance(kv, ['north'], ['east'], { normalize: false })).toBeCloseTo(Math.sqrt(13), 12);
    expect(wmDistance(kv, ['__proto__', 'east'], ['east', '__proto__'])).toBe(0);
  });

  it('drops unknown words, is Infinity against an empty text and 0 between the same single word', () => {
    expect(wmDistance(kv, ['north', 'unknown'], ['east'])).toBeCloseTo(Math.SQRT2, 12);
    expect(wmDistance(kv, ['north'], [])).toBe(Number.POSITIVE_INFINITY);
    expect(wmDistance(kv, [], [])).toBe(Number.POSITIVE_INFINITY);
    expect(wmDistance(kv, ['unknown'], ['north'])).toBe(Number.POSITIVE_INFINITY);
    expect(relaxedWmDistance(kv, ['north'], ['nothing'])).toBe(Number.POSITIVE_INFINITY);
    expect(wmDistance(kv, ['west'], ['west', 'west'])).toBe(0);
  });

  it('is symmetric and bounded below by RWMD (random documents)', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const vectors = randomVectors(words, 8, 11);
    const document = fc.array(fc.constantFrom(...words, 'oov'), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(document, document, fc.boolean(), (a, b, normalize) => {
        const exact = wmDistance(vectors, a, b, { normalize });
        fc.pre(Number.isFinite(exact));
        expect(wmDistance(vectors, b, a, { normalize })).toBeCloseTo(exact, 10);
        expect(relaxedWmDistance(vectors, a, b, { normalize })).toBeLessThanOrEqual(exact + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('WmdIndex', () => {
  const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const vectors = randomVectors(words, 6, 5);
  const document = fc.array(fc.constantFrom(...words, 'oov'), { minLength: 0, maxLength: 8 });

  it('finds the same k nearest documents as solving every WMD, and prunes some', () => {
    let pruned = 0;
    fc.assert(
      fc.property(
        fc.array(document, { maxLength: 40 }),
        document,
        fc.nat({ max: 6 }),
        (documents, query, k) => {
          const { matches, exactDistances } = new WmdIndex(vectors, documents).nearest(query, k);
          const all = documents
            .map((d, index) => ({ index, distance: wmDistance(vectors, query, d) }))
            .filter((m) => Number.isFinite(m.distance))
            .sort((x, y) => x.distance - y.distance || x.index - y.index)
            .slice(0, k);
          expect(matches.map((m) => m.index)).toEqual(all.map((m) => m.index));
          matches.forEach((m, i) => {
            expect(m.distance).toBeCloseTo(all[i]!.distance, 10);
          });
          pruned += all.length === 0 ? 0 : documents.length - exactDistances;
        },
      ),
      { numRuns: 150 },
    );
    expect(pruned).toBeGreaterThan(0);
  });

  it('rejects a bad k', () => {
    expect(() => new WmdIndex(vectors, [['w1']]).nearest(['w2'], -1)).toThrow(ConfigError);
    expect(new WmdIndex(vectors, [['w1']]).size).toBe(1);
  });
});
