import { describe, expect, it } from 'vitest';
import { ConfigError, WordVectors } from '../index.js';

describe('WordVectors', () => {
  it('treats __proto__ and constructor as ordinary keys', () => {
    const wv = new WordVectors(['__proto__', 'constructor', 'a'], Float32Array.from([1, 0, 0, 1, 3, 4]), 2);
    expect(wv.has('__proto__')).toBe(true);
    expect(wv.has('hasOwnProperty')).toBe(false);
    expect(Array.from(wv.vector('constructor')!)).toEqual([0, 1]);
    expect(wv.norms()[2]).toBeCloseTo(5);
    expect(Array.from(wv.unitRow(2))).toEqual([expect.closeTo(0.6), expect.closeTo(0.8)]);
  });

  it('keeps a zero row zero when normalising', () => {
    const wv = new WordVectors(['z'], new Float32Array(3), 3);
    expect(Array.from(wv.unitRow(0))).toEqual([0, 0, 0]);
  });

  it('rejects repeated keys and mismatched sizes', () => {
    expect(() => new WordVectors(['a', 'a'], new Float32Array(2), 1)).toThrow(ConfigError);
    expect(() => new WordVectors(['a'], new Float32Array(3), 2)).toThrow(/dimension/);
  });
});
