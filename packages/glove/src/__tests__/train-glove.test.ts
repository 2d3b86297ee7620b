import type { TrainingProgress } from '@embedkit/core-math';
import { CancelledError, cosine } from '@embedkit/core-math';
import {
  kernelMemory,
  kernels,
  kernelsName,
  tsKernels,
  useKernels,
  wasmKernels,
  wasmKernelsSupported,
} from '@embedkit/core-math/kernels';
import { describe, expect, it } from 'vitest';
import { GloveModel, glove, trainGlove } from '../index.js';
import { topicCorpus } from './topic-corpus.js';

const corpus = topicCorpus(400);
const small = { dim: 16, window: 5, minCount: 1, xMax: 10, epochs: 10 } as const;

/** AdaGrad's epoch costs wobble a little: each epoch is below the first, and the last three below epochs 2-4. */
function expectFallingCost(costs: readonly number[]): void {
  const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  for (const cost of costs.slice(1)) expect(cost).toBeLessThan(costs[0]!);
  expect(mean(costs.slice(-3))).toBeLessThan(mean(costs.slice(1, 4)));
}

function losses(progress: TrainingProgress[]): number[] {
  return progress.filter((p) => p.phase === 'training' && p.loss !== undefined).map((p) => p.loss!);
}

describe('trainGlove', () => {
  it('gives bit-identical vectors for one thread and a seed, and different ones for another seed', async () => {
    const first = await trainGlove(corpus, small, { threads: 1, seed: 11 });
    const second = await trainGlove(corpus, small, { threads: 1, seed: 11 });
    const other = await trainGlove(corpus, small, { threads: 1, seed: 12 });
    expect(Buffer.from(second.wordVectors.matrix.buffer)).toEqual(
      Buffer.from(first.wordVectors.matrix.buffer),
    );
    expect(other.wordVectors.matrix).not.toEqual(first.wordVectors.matrix);
  });

  it('lowers the cost over epochs and reports it per epoch', async () => {
    const progress: TrainingProgress[] = [];
    const model = await trainGlove(
      corpus,
      { ...small, epochs: 15 },
      { seed: 3, onProgress: (p) => progress.push(p) },
    );
    const costs = losses(progress);
    expect(costs).toHaveLength(15);
    expect(model.training.costs).toEqual(costs);
    expectFallingCost(costs);
    expect(progress.some((p) => p.phase === 'cooccurrence')).toBe(true);
  });

  it('trains with Hogwild worker threads (from TypeScript sources here)', async () => {
    const model = await trainGlove(corpus, { ...small, epochs: 15 }, { threads: 2, seed: 3 });
    expect(model.training.threads).toBe(2);
    expectFallingCost(model.training.costs);
    expect(model.wordVectors.matrix.every(Number.isFinite)).toBe(true);
  });

  it('trains in the kernels in use and gives their memory back after the run', async () => {
    const first = await trainGlove(corpus, small, { threads: 1, seed: 11 });
    expect(first.training.kernel).toBe(kernelsName());
    const bytes = kernelMemory()?.buffer.byteLength;
    await trainGlove(corpus, small, { threads: 2, seed: 11 });
    await trainGlove(corpus, small, { threads: 1, seed: 11 });
    expect(kernelMemory()?.buffer.byteLength).toBe(bytes);
  });

  it.runIf(wasmKernelsSupported())(
    'gives nearly the same vectors with the WebAssembly and the TypeScript step',
    async () => {
      const selected = kernels();
      try {
        useKernels(wasmKernels());
        const wasm = await trainGlove(corpus, small, { threads: 1, seed: 11 });
        useKernels(tsKernels);
        const ts = await trainGlove(corpus, small, { threads: 1, seed: 11 });
        expect([wasm.training.kernel, ts.training.kernel]).toEqual(['wasm-simd', 'ts']);
        for (const [index, cost] of ts.training.costs.entries()) {
          expect(Math.abs(wasm.training.costs[index]! - cost)).toBeLessThan(1e-4 * cost);
        }
        for (const word of ts.vocabulary.words) {
          expect(cosine(wasm.vector(word)!, ts.vector(word)!)).toBeGreaterThan(0.9999);
        }
      } finally {
        useKernels(selected);
      }
    },
  );

  it('exposes W alone with output "word", W + W̃ by default', async () => {
    const sum = await trainGlove(corpus, { ...small, epochs: 2 }, { seed: 5 });
    const word = await trainGlove(corpus, { ...small, epochs: 2, output: 'word' }, { seed: 5 });
    expect(word.wordVectors.matrix).not.toEqual(sum.wordVectors.matrix);
    expect(word.training.costs).toEqual(sum.training.costs);
    expect(sum.training.options.output).toBe('sum');
  });

  it('is an Embedder over the vocabulary, most frequent word first', async () => {
    const model = await trainGlove(corpus, { ...small, epochs: 1 }, { seed: 5 });
    expect(model).toBeInstanceOf(GloveModel);
    expect(model.dim).toBe(16);
    expect(model.size).toBe(25);
    expect(model.has('sea4')).toBe(true);
    expect(model.vector('ocean')).toBeUndefined();
    expect([...model.keys()]).toEqual(model.vocabulary.words);
    expect(model.wordVectors.counts?.[0]).toBe(model.vocabulary.count(0));
  });

  it.each([1, 2])(
    'stops promptly with CancelledError when aborted during training (%i threads)',
    async (threads) => {
      const controller = new AbortController();
      const progress: TrainingProgress[] = [];
      const training = trainGlove(
        corpus,
        { ...small, epochs: 10_000 },
        {
          threads,
          signal: controller.signal,
          onProgress: (p) => {
            progress.push(p);
            if (p.phase === 'training' && p.epoch === 2) controller.abort();
          },
        },
      );
      await expect(training).rejects.toBeInstanceOf(CancelledError);
      const reported = progress.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(progress.length).toBe(reported);
      expect(losses(progress).length).toBeLessThan(5);
    },
  );
});

describe('glove (EmbeddingAlgorithm)', () => {
  it('has id glove, the defaults of the tools where embedkit does not decide otherwise, and trains', async () => {
    expect(glove.id).toBe('glove');
    expect(glove.defaults).toMatchObject({
      dim: 100,
      window: 10,
      xMax: 100,
      alpha: 0.75,
      lr: 0.05,
      epochs: 25,
    });
    const model = await glove.train(corpus, { ...small, epochs: 1 }, { seed: 1 });
    expect(model).toBeInstanceOf(GloveModel);
    expect(model.dim).toBe(16);
  });
});
