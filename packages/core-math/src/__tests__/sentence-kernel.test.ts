import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, Random } from '../index.js';
import {
  NoiseDistribution,
  SentenceKernel,
  type SentenceKernelSetup,
  SigmoidTable,
  allocateFloat32,
  allocateInt32,
  createSentenceTables,
  createSentenceWorkspace,
  tsKernels,
  useKernels,
  wasmKernels,
} from '../kernels-entry.js';

// Whatever EMBEDKIT_KERNELS says, these tests run the Wasm kernels (the sentence kernel needs them).
const wasm = wasmKernels();
useKernels(wasm);
afterAll(() => useKernels(wasm));

const DIM = 6;

function setupFor(counts: number[], overrides: Partial<SentenceKernelSetup> = {}): SentenceKernelSetup {
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
    negativeSampling: {
      negative: 3,
      noise: new NoiseDistribution(counts),
      outputWeights: allocateFloat32(size * DIM),
    },
    hierarchicalSoftmax: null,
    sigmoid: new SigmoidTable(),
    ...overrides,
  };
}

function kernelInt32(values: number[]): Int32Array {
  const array = allocateInt32(values.length);
  array.set(values);
  return array;
}

/** One sentence trained by a fresh kernel seeded with `seed`. */
function trainOne(setup: SentenceKernelSetup, sentence: number[], seed: number) {
  const tables = createSentenceTables(setup);
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

/**
 * The random draws word2vec's skip-gram with negative sampling makes on one sentence, replayed with
 * Random and NoiseDistribution: subsampling, then per word its window, then per pair its noise words.
 */
function replay(setup: SentenceKernelSetup, sentence: number[], seed: number) {
  const random = new Random(seed);
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
        for (let d = 0; d < setup.negativeSampling!.negative; d++)
          setup.negativeSampling!.noise.sample(random);
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
    expect(setup.negativeSampling!.outputWeights.some((x) => x !== 0)).toBe(true);
  });

  it('stops after the sentence that reaches the word budget', () => {
    const setup = setupFor([5, 4, 3]);
    const tables = createSentenceTables(setup)!;
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
    expect(createSentenceTables({ ...setup, inputWeights: new Float32Array(3 * DIM) })).toBeNull();
    useKernels(tsKernels);
    try {
      expect(createSentenceTables(setup)).toBeNull();
    } finally {
      useKernels(wasm);
    }
  });

  it('rejects inconsistent setups before touching the memory', () => {
    const setup = setupFor([3, 2, 1]);
    const ns = setup.negativeSampling!;
    const tree = {
      offsets: Int32Array.from([0, 1, 3, 5]),
      nodes: Int32Array.from([1, 1, 0, 1, 0]),
      codes: Uint8Array.from([0, 1, 0, 1, 1]),
      nodeWeights: allocateFloat32(2 * DIM),
    };
    const bad: Array<Partial<SentenceKernelSetup>> = [
      { dim: 0 },
      { window: 0 },
      { negativeSampling: { ...ns, negative: 0 } },
      { negativeSampling: { ...ns, outputWeights: allocateFloat32(2 * DIM) } },
      { negativeSampling: null },
      { inputWeights: allocateFloat32(2 * DIM) },
      { keepProbabilities: new Float32Array(2) },
      { encoder: { offsets: Int32Array.from([0, 1, 2, 3]), rows: Int32Array.from([0, 1, 3]) } },
      { encoder: { offsets: Int32Array.from([0, 2, 1, 3]), rows: Int32Array.from([0, 1, 2]) } },
      { hierarchicalSoftmax: { ...tree, nodes: Int32Array.from([1, 1, 0, 2, 0]) } },
      { hierarchicalSoftmax: { ...tree, codes: new Uint8Array(4) } },
      { hierarchicalSoftmax: { ...tree, nodeWeights: allocateFloat32(DIM) } },
    ];
    expect(createSentenceTables({ ...setup, hierarchicalSoftmax: tree })).not.toBeNull();
    for (const overrides of bad) {
      expect(
        () => createSentenceTables({ ...setup, ...overrides }),
        JSON.stringify(Object.keys(overrides)),
      ).toThrow(ConfigError);
    }
  });

  it('rejects token ids outside the vocabulary, bad ranges, short buffers and arrays outside the memory', () => {
    const setup = setupFor([3, 2, 1]);
    const tables = createSentenceTables(setup)!;
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
