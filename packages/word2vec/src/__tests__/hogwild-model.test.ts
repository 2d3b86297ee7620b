import { describe, expect, it } from 'vitest';
import { contention, predictSpeedUp, rowWriteProbabilities } from '../../scripts/hogwild-contention.js';

// Two words, counts 3 and 1 (no subsampling), noise 1/2 each, one negative, skip-gram.
const rows = rowWriteProbabilities([3, 1], [1, 1], [0.5, 0.5], { negative: 1, inputRows: 1 });

describe('rowWriteProbabilities', () => {
  it('writes input rows with the token frequency and output rows as target or negative', () => {
    expect([...rows.input]).toEqual([0.75, 0.25]);
    // 1 − (1 − q)(1 − n): 1 − 0.25·0.5 and 1 − 0.75·0.5
    expect([...rows.output]).toEqual([0.875, 0.625]);
  });

  it('weights tokens by their keep probability and writes one row per CBOW context word', () => {
    const cbow = rowWriteProbabilities([3, 1], [1 / 3, 1], [0.5, 0.5], { negative: 0, inputRows: 2 });
    expect(cbow.input[0]).toBeCloseTo(0.75, 12); // 1 − (1 − 1/2)²
    expect(cbow.output[1]).toBeCloseTo(0.5, 12);
  });
});

describe('contention', () => {
  it('is nothing with one thread', () => {
    expect(contention(rows, 16, 1)).toEqual({ sharedRows: 0, sharedRowLines: 0, falselySharedLines: 0 });
  });

  it('counts rows both threads write, and their lines (rows of one line at dim 16)', () => {
    const shared = contention(rows, 16, 2);
    const sumOfSquares = 0.75 ** 2 + 0.25 ** 2 + 0.875 ** 2 + 0.625 ** 2;
    expect(shared.sharedRows).toBeCloseTo(sumOfSquares, 12);
    expect(shared.sharedRowLines).toBeCloseTo(sumOfSquares, 12);
    expect(shared.falselySharedLines).toBe(0);
  });

  it('counts a line two rows of 32 bytes share when only the neighbour is written by the other thread', () => {
    const shared = contention(rows, 8, 2);
    // mine · (1 − mine) · neighbour's, both rows of both matrices
    const input = 0.25 * 0.75 * 0.75 + 0.75 * 0.25 * 0.25;
    const output = 0.625 * 0.375 * 0.875 + 0.875 * 0.125 * 0.625;
    expect(shared.falselySharedLines).toBeCloseTo(input + output, 12);
  });

  it('grows with the threads', () => {
    const counts = Array.from({ length: 1000 }, (_, i) => Math.round(1e6 / (i + 1)));
    const noise = counts.map((count) => count ** 0.75);
    const total = noise.reduce((sum, value) => sum + value, 0);
    const zipf = rowWriteProbabilities(
      counts,
      counts.map(() => 1),
      noise.map((value) => value / total),
      { negative: 5, inputRows: 1 },
    );
    const rates = [2, 4, 8, 16].map((threads) => contention(zipf, 100, threads).sharedRowLines);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]!);
  });
});

describe('predictSpeedUp', () => {
  const costs = { predictionSeconds: 1e-6, serialSeconds: 1, trainingSeconds: 9 };

  it('is linear in the training phase when a line costs nothing, Amdahl for the process', () => {
    const free = predictSpeedUp(rows, 16, 2, { ...costs, lineTransferSeconds: 0 });
    expect(free.trainingSpeedUp).toBe(2);
    expect(free.processSpeedUp).toBeCloseTo(10 / (1 + 4.5), 12);
  });

  it('slows each prediction by its contended lines times the cost of a line', () => {
    const paid = predictSpeedUp(rows, 16, 2, { ...costs, lineTransferSeconds: 1e-7 });
    const lines = 0.75 ** 2 + 0.25 ** 2 + 0.875 ** 2 + 0.625 ** 2;
    expect(paid.extraSeconds).toBeCloseTo(lines * 1e-7, 18);
    expect(paid.trainingSpeedUp).toBeCloseTo(2 / (1 + lines * 0.1), 12);
  });
});
