import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@embedkit/core-math';
import {
  allocateFloat32,
  allocateInt32,
  releaseArray,
  useKernels,
  wasmKernels,
} from '@embedkit/core-math/kernels';
import { GLOVE_ENTRY_SLOTS, GloveKernel, type GloveKernelSetup } from '../glove-kernel.js';

// Whatever EMBEDKIT_KERNELS says, arrays from allocate* are in the Wasm memory here; plain typed
// arrays run the TypeScript reference.
useKernels(wasmKernels());

interface Problem {
  vocabSize: number;
  dim: number;
  weights: number[];
  gradsq: number[];
  rows: number[];
  columns: number[];
  logs: number[];
  weightsOfX: number[];
  lr: number;
  gradClip: number;
}

/** The same problem in plain arrays (TypeScript path) or in the kernel memory (Wasm path). */
function setupOf(problem: Problem, inMemory: boolean): GloveKernelSetup {
  const { vocabSize, dim, lr, gradClip } = problem;
  const count = problem.rows.length;
  const floats = (n: number) => (inMemory ? allocateFloat32(n) : new Float32Array(n));
  const entries = inMemory
    ? allocateInt32(GLOVE_ENTRY_SLOTS * count)
    : new Int32Array(GLOVE_ENTRY_SLOTS * count);
  const values = new Float32Array(entries.buffer, entries.byteOffset, entries.length);
  for (let k = 0; k < count; k++) {
    entries[4 * k] = problem.rows[k]!;
    entries[4 * k + 1] = problem.columns[k]!;
    values[4 * k + 2] = problem.logs[k]!;
    values[4 * k + 3] = problem.weightsOfX[k]!;
  }
  const weights = floats(problem.weights.length);
  weights.set(problem.weights);
  const gradsq = floats(problem.gradsq.length);
  gradsq.set(problem.gradsq);
  return { vocabSize, dim, weights, gradsq, entries, scratch: floats(2 * dim), lr, gradClip };
}

function release(setup: GloveKernelSetup): void {
  for (const array of [setup.weights, setup.gradsq, setup.entries, setup.scratch]) releaseArray(array);
}

const f32 = (min: number, max: number) =>
  fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true });

const problems: fc.Arbitrary<Problem> = fc
  .record({
    vocabSize: fc.integer({ min: 1, max: 5 }),
    dim: fc.oneof(fc.integer({ min: 1, max: 13 }), fc.constantFrom(50, 100, 101)),
    count: fc.integer({ min: 1, max: 12 }),
  })
  .chain(({ vocabSize, dim, count }) => {
    const parameters = 2 * vocabSize * (dim + 1);
    const index = fc.array(fc.nat({ max: vocabSize - 1 }), { minLength: count, maxLength: count });
    return fc.record({
      vocabSize: fc.constant(vocabSize),
      dim: fc.constant(dim),
      weights: fc.array(f32(-0.5, 0.5), { minLength: parameters, maxLength: parameters }),
      gradsq: fc.array(f32(1, 20), { minLength: parameters, maxLength: parameters }),
      rows: index,
      columns: index,
      logs: fc.array(f32(-2, 6), { minLength: count, maxLength: count }),
      weightsOfX: fc.array(f32(0, 1), { minLength: count, maxLength: count }),
      lr: fc.constantFrom(0.05, 0.2),
      gradClip: fc.constantFrom(100, 0.05, 0.001),
    });
  });

/** Indices where `got` and `expected` differ by more than `tolerance` · (1 + |expected|). */
function disagreements(got: Float32Array, expected: Float32Array, tolerance: number): number[] {
  const bad: number[] = [];
  for (let i = 0; i < got.length; i++) {
    if (!(Math.abs(got[i]! - expected[i]!) <= tolerance * (1 + Math.abs(expected[i]!)))) bad.push(i);
  }
  return bad;
}

/** One word (V = 1), dim 2: the word row [w0, w1, b] and the context row [c0, c1, bc]. */
function tinyModel(inMemory: boolean, gradClip = 100): GloveKernelSetup {
  return setupOf(
    {
      vocabSize: 1,
      dim: 2,
      weights: [0.1, 0.2, 0.3, 0.4, -0.5, 0.6],
      gradsq: [1, 4, 1, 1, 1, 9],
      rows: [0],
      columns: [0],
      logs: [1],
      weightsOfX: [0.5],
      lr: 0.05,
      gradClip,
    },
    inMemory,
  );
}

describe.each([
  ['ts', false],
  ['wasm-simd', true],
] as const)('GloveKernel (%s): the AdaGrad step of glove.c', (name, inMemory) => {
  it('runs where its arrays are', () => {
    const setup = tinyModel(inMemory);
    expect(new GloveKernel(setup).name).toBe(name);
    release(setup);
  });

  it('matches a hand computation of one step', () => {
    const setup = tinyModel(inMemory);
    // diff = 0.1·0.4 + 0.2·(−0.5) + 0.3 + 0.6 − 1 = −0.16; fdiff = 0.5·diff = −0.08; cost = ½·fdiff·diff.
    expect(new GloveKernel(setup).train(0, 1)).toBeCloseTo(0.0064, 7);
    // Word gradient fdiff·c·lr = (−0.0016, 0.002), divided by sqrt(gradsq) = (1, 2); context gradient
    // fdiff·w·lr = (−0.0004, −0.0008); biases step by fdiff / sqrt(gradsq) (no learning rate).
    const expected = [0.1016, 0.199, 0.38, 0.4004, -0.4992, 0.6 + 0.08 / 3];
    expect([...setup.weights]).toEqual(expected.map((value) => expect.closeTo(value, 6)));
    const expectedGradsq = [1 + 2.56e-6, 4 + 4e-6, 1.0064, 1 + 1.6e-7, 1 + 6.4e-7, 9.0064];
    expect([...setup.gradsq]).toEqual(expectedGradsq.map((value) => expect.closeTo(value, 6)));
    release(setup);
  });

  it('clips each gradient component to ±gradClip before the learning rate', () => {
    const setup = tinyModel(inMemory, 0.01);
    new GloveKernel(setup).train(0, 1);
    // fdiff·c = (−0.032, 0.04) -> (−0.01, 0.01); fdiff·w = (−0.008, −0.016) -> (−0.008, −0.01).
    const expected = [0.1005, 0.19975, 0.38, 0.4004, -0.4995];
    expect([...setup.weights.subarray(0, 5)]).toEqual(expected.map((value) => expect.closeTo(value, 6)));
    release(setup);
  });

  it('skips an entry whose error is not finite, leaving the parameters alone', () => {
    const setup = tinyModel(inMemory);
    new Float32Array(setup.entries.buffer, setup.entries.byteOffset, 4)[2] = Number.NaN;
    const before = setup.weights.slice();
    const gradsqBefore = setup.gradsq.slice();
    expect(new GloveKernel(setup).train(0, 1)).toBe(0);
    expect(setup.weights).toEqual(before);
    expect(setup.gradsq).toEqual(gradsqBefore);
    release(setup);
  });

  it('leaves the vectors alone when a step is not finite, but still steps the biases', () => {
    const setup = tinyModel(inMemory);
    setup.gradsq[1] = 0; // the word's second component: 0.002 / sqrt(0) = Infinity
    new GloveKernel(setup).train(0, 1);
    expect([...setup.weights.subarray(0, 2)]).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect([...setup.weights.subarray(3, 5)]).toEqual([Math.fround(0.4), Math.fround(-0.5)]);
    expect(setup.weights[2]).toBeCloseTo(0.38, 6);
    release(setup);
  });

  it('rejects a bad range or an index outside the vocabulary before training anything', () => {
    const setup = tinyModel(inMemory);
    const kernel = new GloveKernel(setup);
    expect(() => kernel.train(0, 2)).toThrow(ConfigError);
    expect(() => kernel.train(1, 0)).toThrow(ConfigError);
    setup.entries[1] = 1;
    const before = setup.weights.slice();
    expect(() => kernel.train(0, 1)).toThrow(/entries\[0\]/);
    expect(setup.weights).toEqual(before);
    release(setup);
  });
});

describe('GloveKernel in WebAssembly against the TypeScript reference', () => {
  it('agrees to float tolerance on cost, weights, biases and squared-gradient sums', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const reference = setupOf(problem, false);
        const wasm = setupOf(problem, true);
        const count = problem.rows.length;
        const expectedCost = new GloveKernel(reference).train(0, count);
        const kernel = new GloveKernel(wasm);
        expect(kernel.name).toBe('wasm-simd');
        // Two blocks, as a trainer calls it.
        const half = count >> 1;
        const cost = kernel.train(0, half) + kernel.train(half, count);
        expect(Math.abs(cost - expectedCost)).toBeLessThanOrEqual(1e-5 * (1 + expectedCost));
        expect(disagreements(wasm.weights, reference.weights, 1e-5)).toEqual([]);
        expect(disagreements(wasm.gradsq, reference.gradsq, 1e-6)).toEqual([]);
        release(wasm);
      }),
      { numRuns: 200 },
    );
  });
});

describe('GloveKernel setup', () => {
  it('rejects inconsistent sizes and settings', () => {
    const setup = tinyModel(false);
    expect(() => new GloveKernel({ ...setup, vocabSize: 2 })).toThrow(/weights/);
    expect(() => new GloveKernel({ ...setup, gradsq: new Float32Array(5) })).toThrow(/gradsq/);
    expect(() => new GloveKernel({ ...setup, entries: new Int32Array(3) })).toThrow(/entries/);
    expect(() => new GloveKernel({ ...setup, scratch: new Float32Array(3) })).toThrow(/scratch/);
    expect(() => new GloveKernel({ ...setup, dim: 0 })).toThrow(ConfigError);
    expect(() => new GloveKernel({ ...setup, lr: Number.NaN })).toThrow(/lr/);
    expect(() => new GloveKernel({ ...setup, gradClip: -1 })).toThrow(/gradClip/);
  });
});
