import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { norm } from '../index.js';
import {
  SigmoidTable,
  type VectorKernels,
  kernels,
  kernelsName,
  tsKernels,
  useKernels,
} from '../kernels-entry.js';

const value = fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });

/** A Float32Array with `before` and `after` padding around `n` values, and the offset of the values. */
const padded = (n: number) =>
  fc
    .record({
      before: fc.array(value, { maxLength: 5 }),
      body: fc.array(value, { minLength: n, maxLength: n }),
      after: fc.array(value, { maxLength: 5 }),
    })
    .map(({ before, body, after }) => ({
      array: Float32Array.from([...before, ...body, ...after]),
      offset: before.length,
    }));

const twoVectors = fc
  .nat({ max: 40 })
  .chain((n) =>
    fc.tuple(fc.constant(n), padded(n), padded(n), fc.double({ min: -10, max: 10, noNaN: true })),
  );

describe('tsKernels', () => {
  it('dot equals the naive sum over the offset ranges', () => {
    fc.assert(
      fc.property(twoVectors, ([n, x, y]) => {
        let naive = 0;
        let magnitude = 0;
        for (let i = 0; i < n; i++) {
          const term = x.array[x.offset + i]! * y.array[y.offset + i]!;
          naive += term;
          magnitude += Math.abs(term);
        }
        const got = tsKernels.dot(x.array, x.offset, y.array, y.offset, n);
        expect(Math.abs(got - naive)).toBeLessThanOrEqual(1e-12 * magnitude);
      }),
    );
  });

  it('axpy and scale equal the naive loops and leave everything outside the range alone', () => {
    fc.assert(
      fc.property(twoVectors, ([n, x, y, alpha]) => {
        const expectedY = y.array.slice();
        for (let i = 0; i < n; i++) expectedY[y.offset + i]! += alpha * x.array[x.offset + i]!;
        const xBefore = x.array.slice();
        tsKernels.axpy(alpha, x.array, x.offset, y.array, y.offset, n);
        expect(y.array).toEqual(expectedY);
        expect(x.array).toEqual(xBefore);

        const expectedX = x.array.slice();
        for (let i = 0; i < n; i++) expectedX[x.offset + i]! *= alpha;
        tsKernels.scale(alpha, x.array, x.offset, n);
        expect(x.array).toEqual(expectedX);
      }),
    );
  });

  it('matVec equals one naive dot product per row of the block', () => {
    const problem = fc
      .record({ rows: fc.nat({ max: 6 }), dim: fc.integer({ min: 1, max: 9 }), rowStart: fc.nat({ max: 3 }) })
      .chain(({ rows, dim, rowStart }) =>
        fc.record({
          rows: fc.constant(rows),
          dim: fc.constant(dim),
          rowStart: fc.constant(rowStart),
          matrix: fc.array(value, {
            minLength: (rowStart + rows + 1) * dim,
            maxLength: (rowStart + rows + 1) * dim,
          }),
          x: padded(dim),
          outOffset: fc.nat({ max: 4 }),
        }),
      );
    fc.assert(
      fc.property(problem, ({ rows, dim, rowStart, matrix, x, outOffset }) => {
        const m = Float32Array.from(matrix);
        const out = new Float32Array(outOffset + rows + 2).fill(7);
        tsKernels.matVec(m, rowStart, rows, dim, x.array, x.offset, out, outOffset);
        for (let r = 0; r < rows; r++) {
          let naive = 0;
          for (let j = 0; j < dim; j++) naive += m[(rowStart + r) * dim + j]! * x.array[x.offset + j]!;
          expect(out[outOffset + r]).toBeCloseTo(naive, 2);
          expect(out[outOffset + r]).toBe(
            Math.fround(tsKernels.dot(m, (rowStart + r) * dim, x.array, x.offset, dim)),
          );
        }
        expect(out[outOffset - 1] ?? 7).toBe(7);
        expect(out[outOffset + rows]).toBe(7);
      }),
    );
  });
});

describe('tsKernels.logisticStep', () => {
  it("is word2vec's step: hand-computed on a table of 4 intervals over [-2, 2]", () => {
    const sigmoid = new SigmoidTable(4, 2); // entries at -2, -1, 0, 1, 2
    const hidden = Float32Array.from([9, 1, 2]);
    const output = Float32Array.from([0.5, 0.25, 9]);
    const gradient = Float32Array.from([9, 9, 0.5, 0.5]);
    // score = 1·0.5 + 2·0.25 = 1 -> entry 3, σ(1); label 1: g = (1 - σ(1)) · 0.1
    const loss = tsKernels.logisticStep(hidden, 1, output, 0, gradient, 2, 2, 1, 0.1, sigmoid);
    const g = (1 - Math.fround(1 / (1 + Math.exp(-1)))) * 0.1;
    expect(loss).toBeCloseTo(Math.log1p(Math.exp(-1)), 6);
    expect(gradient).toEqual(Float32Array.from([9, 9, 0.5 + g * 0.5, 0.5 + g * 0.25]));
    expect(output).toEqual(Float32Array.from([0.5 + g * 1, 0.25 + g * 2, 9]));
  });

  it('clamps like SigmoidTable: beyond maxExp g is (label - 1)·lr or label·lr and the loss follows logSigmoid', () => {
    const sigmoid = new SigmoidTable(4, 2);
    const hidden = Float32Array.from([2, 2]);
    const output = Float32Array.from([1, 1]);
    const gradient = new Float32Array(2);
    // score 4 > maxExp: σ = 1, so a positive pair is not updated and has loss 0.
    expect(tsKernels.logisticStep(hidden, 0, output, 0, gradient, 0, 2, 1, 0.5, sigmoid)).toBe(-0);
    expect(gradient).toEqual(new Float32Array(2));
    // A negative pair with score 4: g = -0.5, loss -logSigmoid(-4) = 4.
    expect(tsKernels.logisticStep(hidden, 0, output, 0, gradient, 0, 2, 0, 0.5, sigmoid)).toBe(4);
    expect(gradient).toEqual(Float32Array.from([-0.5, -0.5]));
    expect(output).toEqual(Float32Array.from([0, 0]));
  });
});

describe('kernel selection', () => {
  const initial = kernels();
  afterEach(() => useKernels(initial));

  it('routes the helpers through the selected kernels', () => {
    let dots = 0;
    const counting: VectorKernels = {
      ...tsKernels,
      name: 'counting',
      dot(x, xOffset, y, yOffset, n) {
        dots++;
        return tsKernels.dot(x, xOffset, y, yOffset, n);
      },
    };
    useKernels(counting);
    expect(kernelsName()).toBe('counting');
    expect(norm(Float32Array.from([3, 4]))).toBe(5);
    expect(dots).toBe(1);
  });
});
