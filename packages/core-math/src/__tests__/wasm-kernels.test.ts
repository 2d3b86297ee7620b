import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SigmoidTable,
  allocateFloat32,
  allocateInt32,
  inKernelMemory,
  kernelMemory,
  kernels,
  tsKernels,
  useKernels,
  wasmKernels,
} from '../kernels-entry.js';

// Whatever EMBEDKIT_KERNELS says, these tests run (and allocate for) the Wasm kernels.
const wasm = wasmKernels();
useKernels(wasm);
const u = 2 ** -24; // float32 unit roundoff

// The kernels under test read arrays in their memory: a few allocated once, refilled per case.
// Lengths go to 300 and offsets to 7, so every alignment modulo 4 floats and every tail occurs.
const CAPACITY = 320;
const [xs, ys, zs] = [allocateFloat32(CAPACITY), allocateFloat32(CAPACITY), allocateFloat32(CAPACITY)];

const value = fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
const small = fc.float({ min: Math.fround(-0.5), max: Math.fround(0.5), noNaN: true });

/** n values at an offset, written into `into` (a kernel-memory array). */
const placed = (n: number, values: fc.Arbitrary<number>) =>
  fc.record({ offset: fc.nat({ max: 7 }), body: fc.array(values, { minLength: n, maxLength: n }) });

function fill(into: Float32Array, { offset, body }: { offset: number; body: number[] }): number {
  into.fill(0);
  into.set(body, offset);
  return offset;
}

const length = fc.oneof(fc.nat({ max: 300 }), fc.integer({ min: 90, max: 110 }));
const twoVectors = (values: fc.Arbitrary<number>) =>
  length.chain((n) => fc.tuple(fc.constant(n), placed(n, values), placed(n, values)));

/** Σ|x_i y_i|, the scale of the rounding error of a float32 dot product. */
function magnitude(x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(x[xOffset + i]! * y[yOffset + i]!);
  return sum;
}

/** The smallest float32 subnormal: products and sums that underflow in float32 are off by this much. */
const tiny = 2 ** -149;

/** Error bound of a dot product summed in float32 lanes (relative to {@link magnitude}, plus underflow). */
const dotBound = (n: number, scale: number) => (n / 4 + 4) * u * scale + n * tiny;

/**
 * Error bound of `y + alpha·x` in float32 against float64: a few roundings of the terms, and the
 * rounding of alpha to float32, which matters (relative to x) only when alpha is subnormal there.
 */
const alphaBound = (y: number, alpha: number, x: number) =>
  4 * u * (Math.abs(y) + Math.abs(alpha * x)) + (1 + Math.abs(x)) * tiny;

/**
 * The indices where `got` and `expected` differ by more than `bound(i)` (empty when they agree), so
 * a property makes one assertion per case.
 */
function disagreements(got: Float32Array, expected: Float32Array, bound: (i: number) => number): number[] {
  const bad: number[] = [];
  for (let i = 0; i < got.length; i++) {
    const difference = Math.abs(got[i]! - expected[i]!);
    if (!(difference <= bound(i)) && !Object.is(got[i], expected[i])) bad.push(i);
  }
  return bad;
}

describe('the Wasm SIMD kernels against the TypeScript kernels', () => {
  it('are selected, and arrays from allocateFloat32 are in their memory', () => {
    expect(kernels()).toBe(wasm);
    expect(wasm.name).toBe('wasm-simd');
    expect(inKernelMemory(xs)).toBe(true);
    expect(kernelMemory()?.buffer.byteLength).toBeGreaterThanOrEqual(xs.byteOffset + xs.byteLength);
  });

  it('dot agrees to float tolerance for lengths 0..300 at any offsets', () => {
    fc.assert(
      fc.property(twoVectors(value), ([n, x, y]) => {
        const xOffset = fill(xs, x);
        const yOffset = fill(ys, y);
        const expected = tsKernels.dot(xs, xOffset, ys, yOffset, n);
        const got = wasm.dot(xs, xOffset, ys, yOffset, n);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(
          dotBound(n, magnitude(xs, xOffset, ys, yOffset, n)),
        );
      }),
    );
  });

  it('axpy and scale agree elementwise and leave everything outside the range alone', () => {
    fc.assert(
      fc.property(twoVectors(value), fc.double({ min: -10, max: 10, noNaN: true }), ([n, x, y], alpha) => {
        const xOffset = fill(xs, x);
        const yOffset = fill(ys, y);
        const before = ys.slice();
        const expected = ys.slice();
        tsKernels.axpy(alpha, xs, xOffset, expected, yOffset, n);
        wasm.axpy(alpha, xs, xOffset, ys, yOffset, n);
        const inRange = (i: number) => i >= yOffset && i < yOffset + n;
        const axpyBound = (i: number) =>
          inRange(i) ? alphaBound(before[i]!, alpha, xs[i - yOffset + xOffset]!) : 0;
        expect(disagreements(ys, expected, axpyBound)).toEqual([]);

        const unscaled = xs.slice();
        const scaled = xs.slice();
        tsKernels.scale(alpha, scaled, xOffset, n);
        wasm.scale(alpha, xs, xOffset, n);
        expect(disagreements(xs, scaled, (i) => alphaBound(0, alpha, unscaled[i]!))).toEqual([]);
      }),
    );
  });

  it('matVec agrees row by row and writes only its output range', () => {
    const problem = fc
      .record({ rows: fc.nat({ max: 5 }), dim: fc.nat({ max: 36 }), rowStart: fc.nat({ max: 3 }) })
      .chain(({ rows, dim, rowStart }) =>
        fc.record({
          rows: fc.constant(rows),
          dim: fc.constant(dim),
          rowStart: fc.constant(rowStart),
          matrix: placed((rowStart + rows) * dim, value),
          x: placed(dim, value),
          outOffset: fc.nat({ max: 7 }),
        }),
      );
    fc.assert(
      fc.property(problem, ({ rows, dim, rowStart, matrix, x, outOffset }) => {
        const matrixOffset = fill(xs, matrix);
        const xOffset = fill(ys, x);
        // matVec reads the block from row rowStart of a matrix that starts at matrixOffset.
        const block = xs.subarray(matrixOffset);
        zs.fill(7);
        const expected = zs.slice();
        tsKernels.matVec(block, rowStart, rows, dim, ys, xOffset, expected, outOffset);
        wasm.matVec(block, rowStart, rows, dim, ys, xOffset, zs, outOffset);
        const matVecBound = (i: number) => {
          if (i < outOffset || i >= outOffset + rows) return 0;
          const row = (rowStart + i - outOffset) * dim;
          return dotBound(dim, magnitude(block, row, ys, xOffset, dim)) + u * Math.abs(expected[i]!);
        };
        expect(disagreements(zs, expected, matVecBound)).toEqual([]);
      }),
    );
  });

  it('matMul gives matVec of every term bit for bit (Wasm and TypeScript) and writes only its outputs', () => {
    const problem = fc
      .record({
        rows: fc.nat({ max: 5 }),
        dim: fc.nat({ max: 36 }),
        rowStart: fc.nat({ max: 3 }),
        termCount: fc.nat({ max: 3 }),
      })
      .chain(({ rows, dim, rowStart, termCount }) =>
        fc.record({
          rows: fc.constant(rows),
          dim: fc.constant(dim),
          rowStart: fc.constant(rowStart),
          termCount: fc.constant(termCount),
          matrix: placed((rowStart + rows) * dim, value),
          terms: placed(termCount * dim, value),
          outOffset: fc.nat({ max: 7 }),
          stride: fc.integer({ min: rows, max: rows + 3 }),
        }),
      );
    const expected = allocateFloat32(CAPACITY);
    fc.assert(
      fc.property(problem, ({ rows, dim, rowStart, termCount, matrix, terms, outOffset, stride }) => {
        const block = xs.subarray(fill(xs, matrix));
        const termOffset = fill(ys, terms);
        for (const k of [wasm, tsKernels]) {
          zs.fill(7);
          expected.fill(7);
          for (let t = 0; t < termCount; t++) {
            k.matVec(block, rowStart, rows, dim, ys, termOffset + t * dim, expected, outOffset + t * stride);
          }
          k.matMul(block, rowStart, rows, dim, ys, termOffset, termCount, zs, outOffset, stride);
          expect(zs).toEqual(expected);
        }
      }),
    );
  });

  it('weightedSumAbove keeps exactly the positions and sums the TypeScript kernel keeps', () => {
    const [scores, tsScores] = [allocateFloat32(CAPACITY), new Float32Array(CAPACITY)];
    const [indices, tsIndices] = [allocateInt32(CAPACITY), new Int32Array(CAPACITY)];
    const weight = fc.double({ min: -2, max: 2, noNaN: true });
    const threshold = fc.oneof(fc.constant(Number.NEGATIVE_INFINITY), small);
    fc.assert(
      fc.property(
        length.chain((n) => fc.tuple(fc.constant(n), placed(n, small), placed(n, small), placed(n, small))),
        fc.tuple(weight, weight, weight),
        threshold,
        ([n, a, b, c], [wa, wb, wc], limit) => {
          const [aOffset, bOffset, cOffset] = [fill(xs, a), fill(ys, b), fill(zs, c)];
          const args = [xs, aOffset, wa, ys, bOffset, wb, zs, cOffset, wc, n, limit] as const;
          const count = wasm.weightedSumAbove(...args, scores, indices);
          const expected = tsKernels.weightedSumAbove(...args, tsScores, tsIndices);
          expect(count).toBe(expected);
          expect(scores.subarray(0, count)).toEqual(tsScores.subarray(0, count));
          expect(indices.subarray(0, count)).toEqual(tsIndices.subarray(0, count));
          for (let i = 0; i < count; i++) expect(scores[i]!).toBeGreaterThan(limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('logisticStep agrees with the TypeScript step: same table entry, loss, gradient and output row', () => {
    const tables = [new SigmoidTable(), new SigmoidTable(512, 8), new SigmoidTable(7, 0.5)];
    const step = length.chain((n) =>
      fc.record({
        n: fc.constant(n),
        hidden: placed(n, small),
        output: placed(n, small),
        gradient: placed(n, small),
        label: fc.constantFrom(0, 1),
        lr: fc.double({ min: 0, max: 1, noNaN: true }),
        table: fc.constantFrom(...tables),
      }),
    );
    fc.assert(
      fc.property(step, ({ n, hidden, output, gradient, label, lr, table }) => {
        const hiddenOffset = fill(xs, hidden);
        const outputOffset = fill(ys, output);
        const gradientOffset = fill(zs, gradient);
        // Skip the rare scores within rounding distance of a table boundary, where the float32 and
        // float64 sums may pick neighbouring entries.
        const score = tsKernels.dot(xs, hiddenOffset, ys, outputOffset, n);
        const slack = dotBound(n, magnitude(xs, hiddenOffset, ys, outputOffset, n)) + 1e-12;
        const entry = (s: number) => Math.floor((s + table.maxExp) * (table.size / table.maxExp / 2));
        fc.pre(entry(score - slack) === entry(score + slack));

        const tsOutput = ys.slice();
        const tsGradient = zs.slice();
        const expectedLoss = tsKernels.logisticStep(
          xs,
          hiddenOffset,
          tsOutput,
          outputOffset,
          tsGradient,
          gradientOffset,
          n,
          label,
          lr,
          table,
        );
        const outputBefore = ys.slice();
        const gradientBefore = zs.slice();
        const loss = wasm.logisticStep(
          xs,
          hiddenOffset,
          ys,
          outputOffset,
          zs,
          gradientOffset,
          n,
          label,
          lr,
          table,
        );
        expect(Math.abs(loss - expectedLoss)).toBeLessThanOrEqual(slack);
        const g = Math.abs(label - table.sigmoid(score)) * lr;
        const bound =
          (before: Float32Array, other: Float32Array, offset: number, otherOffset: number) => (i: number) =>
            i < offset || i >= offset + n ? 0 : alphaBound(before[i]!, g, other[i - offset + otherOffset]!);
        expect(
          disagreements(zs, tsGradient, bound(gradientBefore, outputBefore, gradientOffset, outputOffset)),
        ).toEqual([]);
        expect(disagreements(ys, tsOutput, bound(outputBefore, xs, outputOffset, hiddenOffset))).toEqual([]);
      }),
    );
  });

  it('logisticStep clamps beyond ±maxExp and propagates NaN like the TypeScript step', () => {
    const table = new SigmoidTable();
    for (const [fillValue, label] of [
      [1, 1],
      [1, 0],
      [-1, 1],
      [Number.NaN, 0],
    ] as const) {
      xs.fill(fillValue);
      ys.fill(0.5);
      zs.fill(0);
      const tsOutput = ys.slice();
      const tsGradient = zs.slice();
      const expected = tsKernels.logisticStep(xs, 0, tsOutput, 0, tsGradient, 0, 100, label, 0.1, table);
      const loss = wasm.logisticStep(xs, 0, ys, 0, zs, 0, 100, label, 0.1, table);
      expect(loss).toEqual(expected); // |score| = 50 > 6: 0, 50 or NaN, exactly
      expect(zs).toEqual(tsGradient);
      expect(ys).toEqual(tsOutput);
    }
  });
});

describe('the Wasm SIMD kernels outside their memory', () => {
  it('run the TypeScript kernels, bit for bit, when any array is not in the memory', () => {
    const plain = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const other = Float32Array.from({ length: 40 }, (_, i) => Math.cos(i));
    ys.set(other.subarray(0, 40));
    expect(inKernelMemory(plain)).toBe(false);
    expect(wasm.dot(plain, 1, other, 2, 37)).toBe(tsKernels.dot(plain, 1, other, 2, 37));
    expect(wasm.dot(plain, 1, ys, 2, 37)).toBe(tsKernels.dot(plain, 1, ys, 2, 37));

    const a = other.slice();
    const b = other.slice();
    wasm.axpy(0.3, plain, 0, a, 3, 33);
    tsKernels.axpy(0.3, plain, 0, b, 3, 33);
    expect(a).toEqual(b);
    wasm.scale(1.7, a, 2, 30);
    tsKernels.scale(1.7, b, 2, 30);
    expect(a).toEqual(b);

    const outA = new Float32Array(6);
    const outB = new Float32Array(6);
    wasm.matVec(plain, 1, 3, 10, other, 0, outA, 2);
    tsKernels.matVec(plain, 1, 3, 10, other, 0, outB, 2);
    expect(outA).toEqual(outB);

    const table = new SigmoidTable();
    const gradA = new Float32Array(20);
    const gradB = new Float32Array(20);
    const lossA = wasm.logisticStep(plain, 0, a, 0, gradA, 0, 20, 1, 0.05, table);
    const lossB = tsKernels.logisticStep(plain, 0, b, 0, gradB, 0, 20, 1, 0.05, table);
    expect(lossA).toBe(lossB);
    expect(gradA).toEqual(gradB);
    expect(a).toEqual(b);
  });

  it('switch between Wasm and TypeScript per call as the arrays in an argument position change', () => {
    // 1e8 + 1 - 1e8 in one float32 lane (elements 0, 8, 16) is 0; in doubles it is 1.
    const inMemory = allocateFloat32(24);
    inMemory[0] = 1e8;
    inMemory[8] = 1;
    inMemory[16] = -1e8;
    const ones = allocateFloat32(24).fill(1);
    const plain = inMemory.slice();
    expect(wasm.dot(inMemory, 0, ones, 0, 24)).toBe(0);
    expect(wasm.dot(plain, 0, ones, 0, 24)).toBe(1);
    expect(wasm.dot(inMemory, 0, ones, 0, 24)).toBe(0);
    expect(wasm.dot(inMemory, 0, ones.slice(), 0, 24)).toBe(1);
    expect(wasm.dot(inMemory, 0, ones, 0, 24)).toBe(0);
  });

  it('run the TypeScript kernels when a range does not fit in its array, and touch no neighbour', () => {
    const x = allocateFloat32(8).fill(1);
    const neighbour = allocateFloat32(8).fill(5);
    // Reading past the end gives NaN in a plain loop; Wasm would read the neighbour instead.
    expect(wasm.dot(x, 6, x, 0, 4)).toBeNaN();
    wasm.axpy(1, neighbour, 0, x, 6, 4);
    wasm.scale(0, x, 4, 16);
    wasm.axpy(1, x, 0, x, 0, -4);
    expect(Array.from(x)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(neighbour).toEqual(new Float32Array(8).fill(5));
  });

  it('know a copy of the memory from the memory itself', () => {
    const buffer = kernelMemory()?.buffer as SharedArrayBuffer;
    const copy = new Float32Array(buffer.slice(0), xs.byteOffset, 4);
    expect(inKernelMemory(copy)).toBe(false);
    expect(inKernelMemory(new Float32Array(buffer, xs.byteOffset, 4))).toBe(true);
  });

  it('keep running arrays allocated before the memory grew (their buffer object is an older one)', () => {
    const early = allocateFloat32(16).fill(2);
    const before = early.buffer.byteLength;
    const large = allocateFloat32(1 << 19); // 2 MiB: more than the memory had
    const late = allocateFloat32(16).fill(3);
    expect(late.buffer.byteLength).toBeGreaterThan(before);
    expect(late.buffer).not.toBe(early.buffer);
    expect(inKernelMemory(early)).toBe(true);
    expect(inKernelMemory(large)).toBe(true);
    expect(wasm.dot(early, 0, late, 0, 16)).toBe(96);
  });
});
