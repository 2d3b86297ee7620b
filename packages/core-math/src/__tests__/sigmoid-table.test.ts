import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../index.js';
import { SigmoidTable } from '../kernels-entry.js';

const exactSigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('SigmoidTable', () => {
  it('holds sigma at evenly spaced points, like word2vec expTable', () => {
    const table = new SigmoidTable();
    expect(table.size).toBe(1000);
    expect(table.maxExp).toBe(6);
    expect(table.table.length).toBe(1001);
    for (let i = 0; i <= 1000; i += 37) {
      // word2vec: expTable[i] = exp((i / 1000 * 2 - 1) * 6), then e / (e + 1).
      const e = Math.exp(((i / 1000) * 2 - 1) * 6);
      expect(table.table[i]).toBeCloseTo(e / (e + 1), 7);
    }
    expect(table.table[500]).toBe(0.5);
  });

  it('reads the entry at floor((x + maxExp) * size / maxExp / 2) (hand-computed, size 4, maxExp 2)', () => {
    const table = new SigmoidTable(4, 2);
    // Points -2, -1, 0, 1, 2.
    expect(table.sigmoid(0.5)).toBe(0.5);
    expect(table.sigmoid(0.99)).toBe(0.5);
    expect(table.sigmoid(1)).toBeCloseTo(0.7310586, 7);
    expect(table.sigmoid(-1.5)).toBeCloseTo(0.1192029, 7);
    expect(table.sigmoid(-2)).toBeCloseTo(0.1192029, 7);
    expect(table.sigmoid(2)).toBeCloseTo(0.8807971, 7);
    expect(table.logSigmoid(0)).toBeCloseTo(Math.log(0.5), 7);
    expect(table.logSigmoid(-1.5)).toBeCloseTo(Math.log(0.1192029), 6);
  });

  it('clamps outside ±maxExp to 1 and 0, as word2vec and fastText do', () => {
    const word2vec = new SigmoidTable();
    expect(word2vec.sigmoid(6.000001)).toBe(1);
    expect(word2vec.sigmoid(1e300)).toBe(1);
    expect(word2vec.sigmoid(Number.POSITIVE_INFINITY)).toBe(1);
    expect(word2vec.sigmoid(-6.000001)).toBe(0);
    expect(word2vec.sigmoid(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(word2vec.sigmoid(6)).toBeCloseTo(exactSigmoid(6), 7);
    expect(word2vec.sigmoid(-6)).toBeCloseTo(exactSigmoid(-6), 7);
    expect(word2vec.sigmoid(Number.NaN)).toBeNaN();
    const fastText = new SigmoidTable(512, 8);
    expect(fastText.sigmoid(8.01)).toBe(1);
    expect(fastText.sigmoid(-8.01)).toBe(0);
    expect(fastText.sigmoid(7.99)).toBeLessThan(1);
  });

  it('is within one table step of the exact sigmoid', () => {
    const table = new SigmoidTable();
    const step = (2 * 6) / 1000;
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        // sigma' <= 1/4 and the table reads the point at or below x.
        expect(Math.abs(table.sigmoid(x) - exactSigmoid(x))).toBeLessThanOrEqual(step / 4 + 1e-7);
        expect(table.sigmoid(x)).toBeLessThanOrEqual(exactSigmoid(x) + 1e-7);
      }),
    );
  });

  it('gives a finite log-sigmoid for every finite score, close to the exact one', () => {
    const table = new SigmoidTable();
    const exactLog = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const value = table.logSigmoid(x);
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeLessThanOrEqual(0);
        // d/dx log sigma(x) = 1 - sigma(x) <= 1, so one step of 0.012 inside; log1p(e^-6) outside.
        expect(Math.abs(value - exactLog(x))).toBeLessThanOrEqual(0.0121);
      }),
    );
    expect(table.logSigmoid(10)).toBe(0);
    expect(table.logSigmoid(-10)).toBe(-10);
    expect(table.logSigmoid(Number.NaN)).toBeNaN();
  });

  it('rejects a bad size or maxExp with ConfigError', () => {
    for (const size of [0, 1.5, -3, 2 ** 25]) expect(() => new SigmoidTable(size)).toThrow(ConfigError);
    for (const maxExp of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new SigmoidTable(1000, maxExp)).toThrow(ConfigError);
    }
  });
});
