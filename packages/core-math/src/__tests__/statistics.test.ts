import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import {
  ConfigError,
  DimensionMismatchError,
  mean,
  pearson,
  rankAverage,
  spearman,
  variance,
} from '../index.js';

/** Paired samples with many ties (small integers) or without (doubles); sometimes constant. */
const pairedSamples = fc.integer({ min: 2, max: 40 }).chain((n) => {
  const sample = fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }) },
    {
      weight: 5,
      arbitrary: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
    },
    { weight: 1, arbitrary: fc.constant(new Array<number>(n).fill(2.5)) },
  );
  return fc.tuple(sample, sample);
});

describe('mean and variance', () => {
  it('give hand-computed values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBe(1.25);
    expect(variance([1, 2, 3, 4], 1)).toBeCloseTo(5 / 3, 15);
    expect(mean(Float32Array.from([0.5, 1.5]))).toBe(1);
    // Compensated summation keeps the 1s that a naive sum of 1e16 + 1 + 1 ... loses.
    expect(mean([1e16, 1, 1, 1, 1, -1e16])).toBeCloseTo(4 / 6, 15);
  });

  it('return NaN where undefined and reject a bad ddof', () => {
    expect(mean([])).toBeNaN();
    expect(variance([3])).toBe(0);
    expect(variance([3], 1)).toBeNaN();
    expect(() => variance([1, 2], -1)).toThrow(ConfigError);
    expect(() => variance([1, 2], 0.5)).toThrow(ConfigError);
  });
});

describe('rankAverage', () => {
  it('averages the ranks of ties (hand-computed)', () => {
    expect(Array.from(rankAverage([10, 20, 10, 30, 20, 20]))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect(Array.from(rankAverage([3, -1, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]))).toEqual([
      3, 2, 1, 4,
    ]);
    expect(Array.from(rankAverage([]))).toEqual([]);
  });

  it('gives all-NaN ranks when a value is NaN, as scipy does', () => {
    expect(Array.from(rankAverage([1, Number.NaN, 2]))).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });
});

describe('pearson and spearman', () => {
  it('give hand-computed values', () => {
    // mean x = 2.5, mean y = 3.75; sxy = 3.5, sxx = 5, syy = 4.75.
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(3.5 / Math.sqrt(5 * 4.75), 15);
    // Ranks of y: [1, 2.5, 4, 2.5]; sxy = 3, sxx = 5, syy = 4.5.
    expect(spearman([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(3 / Math.sqrt(5 * 4.5), 15);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(spearman([1, 2, 3], [1, 4, 9])).toBe(1);
  });

  it('return NaN where the correlation is undefined (constant input, fewer than 2 pairs, NaN)', () => {
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
    expect(spearman([], [])).toBeNaN();
    expect(spearman([1, Number.NaN, 3], [1, 2, 3])).toBeNaN();
    expect(pearson([1, Number.NaN, 3], [1, 2, 3])).toBeNaN();
  });

  it('throw DimensionMismatchError for samples of different lengths', () => {
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(DimensionMismatchError);
    expect(() => spearman([1, 2], [1])).toThrow(DimensionMismatchError);
  });

  it('spearman is invariant under increasing transforms, symmetric, odd under negation, in [-1, 1]', () => {
    fc.assert(
      fc.property(pairedSamples, ([x, y]) => {
        const rho = spearman(x, y);
        if (Number.isNaN(rho)) return;
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
        expect(spearman(y, x)).toBeCloseTo(rho, 12);
        // Exact, strictly increasing maps (so no two values merge): a scaling and a kinked line.
        expect(
          spearman(
            x.map((v) => 8 * v),
            y.map((v) => (v < 0 ? 4 * v : v)),
          ),
        ).toBeCloseTo(rho, 12);
        expect(
          spearman(
            x.map((v) => -v),
            y,
          ),
        ).toBeCloseTo(-rho, 12);
        const order = x.map((_, i) => i).reverse();
        expect(
          spearman(
            order.map((i) => x[i]!),
            order.map((i) => y[i]!),
          ),
        ).toBeCloseTo(rho, 12);
      }),
    );
  });
});

describeIf(hasGensim, 'needs /usr/bin/python3 with numpy and scipy (installed with python3-gensim)')(
  'statistics against scipy',
  () => {
    it('pearson, spearman and rankAverage equal scipy.stats on random samples with ties', () => {
      const cases = fc.sample(pairedSamples, { numRuns: 200, seed: 20240601 });
      const dir = mkdtempSync(join(tmpdir(), 'core-math-stats-'));
      try {
        const file = join(dir, 'cases.json');
        writeFileSync(file, JSON.stringify(cases));
        const output = runPython(
          `
import json, math, sys, warnings
from scipy import stats
warnings.simplefilter('ignore')
clean = lambda v: None if math.isnan(v) else float(v)
out = []
for x, y in json.load(open(sys.argv[1])):
    out.append([clean(stats.pearsonr(x, y)[0]), clean(stats.spearmanr(x, y)[0]),
                [float(r) for r in stats.rankdata(x)]])
print(json.dumps(out))
`,
          [file],
        );
        const expected = JSON.parse(output) as [number | null, number | null, number[]][];
        expect(expected.length).toBe(cases.length);
        let defined = 0;
        cases.forEach(([x, y], i) => {
          const [r, rho, ranks] = expected[i]!;
          if (r === null) expect(pearson(x, y)).toBeNaN();
          else expect(pearson(x, y)).toBeCloseTo(r, 12);
          if (rho === null) expect(spearman(x, y)).toBeNaN();
          else {
            expect(spearman(x, y)).toBeCloseTo(rho, 12);
            defined++;
          }
          expect(Array.from(rankAverage(x))).toEqual(ranks);
        });
        expect(defined).toBeGreaterThan(120);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
