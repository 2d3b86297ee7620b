import { ConfigError, Random } from '@embedkit/core-math';
import {
  NoiseDistribution,
  allocateFloat32,
  allocateInt32,
  tsKernels,
  useKernels,
  wasmKernels,
} from '@embedkit/core-math/kernels';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { NegativeSamplingConfig } from '../objectives/negative-sampling.js';
import { validateSetup } from '../run-engine.js';
import { SentenceKernel, createSentenceTables, createSentenceWorkspace } from '../sentence-kernel.js';
import type { EngineSetup } from '../training-state.js';

// Whatever EMBEDKIT_KERNELS says, these tests run the Wasm kernels (the sentence kernel needs them).
const wasm = wasmKernels();
useKernels(wasm);
afterAll(() => useKernels(wasm));

const DIM = 6;

function setupFor(counts: number[], overrides: Partial<EngineSetup> = {}): EngineSetup {
  const size = counts.length;
  const inputWeights = allocateFloat32(size * DIM);
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = Math.fround(Math.sin(i) / 4);
  return {
    architecture: 'skipgram',
    dim: DIM,
    window: 3,
    cbowMean: true,
    inputWeights,
    encoder: null,
    keepProbabilities: null,
    objectives: [
      {
        kind: 'negative-sampling',
        negative: 3,
        noiseCounts: Float64Array.from(counts),
        noisePower: 0.75,
        outputWeights: allocateFloat32(size * DIM),
      },
    ],
    sigmoid: { size: 1000, maxExp: 6 },
    ...overrides,
  };
}

function kernelInt32(values: number[]): Int32Array {
  const array = allocateInt32(values.length);
  array.set(values);
  return array;
}

/** One sentence trained by a fresh kernel seeded with `seed`. */
function trainOne(setup: EngineSetup, sentence: number[], seed: number) {
  const tables = createSentenceTables(setup, validateSetup(setup));
  if (tables === null) throw new Error('the sentence kernel should run');
  const kernel = new SentenceKernel(tables, createSentenceWorkspace(tables, new Random(seed)));
  const ids = kernelInt32(sentence);
  const next = kernel.train(
    ids,
    kernelInt32([0, sentence.length]),
    0,
    1,
    allocateInt32(sentence.length + 1),
    0.025,
    1e9,
  );
  return { kernel, next };
}

function negativeSamplingOf(setup: EngineSetup): NegativeSamplingConfig {
  return setup.objectives[0] as NegativeSamplingConfig;
}

/**
 * The random draws word2vec's skip-gram with negative sampling makes on one sentence, replayed with
 * Random and NoiseDistribution: subsampling, then per word its window, then per pair its noise words.
 */
function replay(setup: EngineSetup, sentence: number[], seed: number) {
  const random = new Random(seed);
  const ns = negativeSamplingOf(setup);
  const noise = new NoiseDistribution(ns.noiseCounts, ns.noisePower);
  const keep = setup.keepProbabilities;
  const kept = sentence.filter((id) => {
    const p = keep === null ? 1 : keep[id]!;
    return !(p < 1 && random.nextFloat() >= p);
  });
  let predictions = 0;
  if (kept.length > 1) {
    for (let i = 0; i < kept.length; i++) {
      const reach = setup.window - random.nextInt(setup.window);
      for (let j = Math.max(0, i - reach); j < Math.min(kept.length, i + reach + 1); j++) {
        if (j === i) continue;
        for (let d = 0; d < ns.negative; d++) noise.sample(random);
        predictions++;
      }
    }
  }
  return { state: random.state(), predictions };
}

describe('SentenceKernel', () => {
  it('draws exactly the random stream of Random and NoiseDistribution', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat(),
        (counts, window, subsample, seed, salt) => {
          const keepProbabilities = subsample
            ? Float32Array.from(counts, (c, i) => Math.fround(((c + salt + i) % 10) / 10))
            : null;
          const setup = setupFor(counts, { window, keepProbabilities });
          const random = new Random(salt);
          const sentence = Array.from({ length: random.nextInt(30) }, () => random.nextInt(counts.length));
          const { kernel, next } = trainOne(setup, sentence, seed);
          const expected = replay(setup, sentence, seed);
          expect(next).toBe(1);
          expect(kernel.words).toBe(sentence.length);
          expect(kernel.predictions).toBe(expected.predictions);
          expect(kernel.randomState()).toEqual(expected.state);
          expect(Number.isFinite(kernel.loss)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('trains the weights and reports the loss of its predictions', () => {
    const setup = setupFor([5, 4, 3, 2]);
    const before = setup.inputWeights.slice();
    const { kernel } = trainOne(setup, [0, 1, 2, 3, 0, 1], 1);
    expect(kernel.predictions).toBeGreaterThan(0);
    // Each prediction is 1 + (at most) 3 logistic steps, each with a loss near log 2 at the start.
    expect(kernel.loss / kernel.predictions).toBeGreaterThan(0.5);
    expect(setup.inputWeights).not.toEqual(before);
    expect(negativeSamplingOf(setup).outputWeights.some((x) => x !== 0)).toBe(true);
  });

  it('stops after the sentence that reaches the word budget', () => {
    const setup = setupFor([5, 4, 3]);
    const tables = createSentenceTables(setup, 3)!;
    const kernel = new SentenceKernel(tables, createSentenceWorkspace(tables, new Random(1)));
    const ids = kernelInt32([0, 1, 2, 0, 1, 2, 0]);
    const starts = kernelInt32([0, 3, 5, 7]);
    const buffer = allocateInt32(3);
    expect(kernel.train(ids, starts, 0, 3, buffer, 0.025, 4)).toBe(2);
    expect(kernel.words).toBe(5);
    expect(kernel.train(ids, starts, 2, 3, buffer, 0.025, 4)).toBe(3);
    expect(kernel.words).toBe(2);
  });

  it('is not available with the TypeScript kernels or weights outside the kernel memory', () => {
    const setup = setupFor([3, 2, 1]);
    expect(createSentenceTables({ ...setup, inputWeights: new Float32Array(3 * DIM) }, 3)).toBeNull();
    useKernels(tsKernels);
    try {
      expect(createSentenceTables(setup, 3)).toBeNull();
    } finally {
      useKernels(wasm);
    }
  });

  it('rejects inconsistent setups before touching the memory', () => {
    const setup = setupFor([3, 2, 1]);
    const ns = negativeSamplingOf(setup);
    const tree = {
      offsets: Int32Array.from([0, 1, 3, 5]),
      nodes: Int32Array.from([1, 1, 0, 1, 0]),
      codes: Uint8Array.from([0, 1, 0, 1, 1]),
    };
    const hs = (overrides: object) => ({
      objectives: [
        { kind: 'hierarchical-softmax' as const, tree, nodeWeights: allocateFloat32(2 * DIM), ...overrides },
      ],
    });
    const bad: Array<Partial<EngineSetup>> = [
      { dim: 0 },
      { window: 0 },
      { objectives: [{ ...ns, negative: 0 }] },
      { objectives: [{ ...ns, outputWeights: allocateFloat32(2 * DIM) }] },
      { objectives: [] },
      { inputWeights: allocateFloat32(2 * DIM) },
      { keepProbabilities: new Float32Array(2) },
      { encoder: { offsets: Int32Array.from([0, 1, 2, 3]), rows: Int32Array.from([0, 1, 3]) } },
      { encoder: { offsets: Int32Array.from([0, 2, 1, 3]), rows: Int32Array.from([0, 1, 2]) } },
      hs({ tree: { ...tree, nodes: Int32Array.from([1, 1, 0, 2, 0]) } }),
      hs({ tree: { ...tree, codes: new Uint8Array(4) } }),
      hs({ nodeWeights: allocateFloat32(DIM) }),
    ];
    expect(validateSetup({ ...setup, ...hs({}) })).toBe(3);
    for (const overrides of bad) {
      expect(() => validateSetup({ ...setup, ...overrides }), JSON.stringify(Object.keys(overrides))).toThrow(
        ConfigError,
      );
    }
  });

  it('rejects token ids outside the vocabulary, bad ranges, short buffers and arrays outside the memory', () => {
    const setup = setupFor([3, 2, 1]);
    const tables = createSentenceTables(setup, 3)!;
    const kernel = new SentenceKernel(tables, createSentenceWorkspace(tables, new Random(1)));
    const starts = kernelInt32([0, 3]);
    const buffer = allocateInt32(3);
    expect(() => kernel.train(kernelInt32([0, 3, 1]), starts, 0, 1, buffer, 0.025, 100)).toThrow(ConfigError);
    expect(() => kernel.train(kernelInt32([0, -1, 1]), starts, 0, 1, buffer, 0.025, 100)).toThrow(
      ConfigError,
    );
    expect(() => kernel.train(kernelInt32([0, 1]), starts, 0, 1, buffer, 0.025, 100)).toThrow(ConfigError);
    expect(() => kernel.train(kernelInt32([0, 1, 2]), starts, 0, 2, buffer, 0.025, 100)).toThrow(ConfigError);
    expect(() => kernel.train(kernelInt32([0, 1, 2]), starts, 0, 1, allocateInt32(2), 0.025, 100)).toThrow(
      ConfigError,
    );
    expect(() => kernel.train(Int32Array.from([0, 1, 2]), starts, 0, 1, buffer, 0.025, 100)).toThrow(
      ConfigError,
    );
    expect(kernel.train(kernelInt32([0, 1, 2]), starts, 0, 1, buffer, 0.025, 100)).toBe(1);
  });
});
