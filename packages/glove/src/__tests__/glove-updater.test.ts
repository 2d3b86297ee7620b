import { Random } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import type { GloveParameters } from '../glove-parameters.js';
import { createParameters, outputVectors } from '../glove-parameters.js';
import { GloveUpdater } from '../glove-updater.js';
import type { TrainingEntries } from '../training-entries.js';
import { viewEntries } from '../training-entries.js';

/** One word (V = 1), dim 2: the word row [w0, w1, b] and the context row [c0, c1, bc]. */
function tinyModel(): { parameters: GloveParameters; entries: TrainingEntries } {
  const parameters: GloveParameters = {
    vocabSize: 1,
    dim: 2,
    weights: Float32Array.of(0.1, 0.2, 0.3, 0.4, -0.5, 0.6),
    gradsq: Float32Array.of(1, 4, 1, 1, 1, 9),
  };
  const entries = viewEntries(new ArrayBuffer(16));
  entries.ints[0] = 0;
  entries.ints[1] = 0;
  entries.floats[2] = 1; // log X
  entries.floats[3] = 0.5; // f(X)
  return { parameters, entries };
}

describe('GloveUpdater (the AdaGrad step of glove.c)', () => {
  it('matches a hand computation of one step', () => {
    const { parameters, entries } = tinyModel();
    const result = new GloveUpdater(parameters, entries, 0.05, 100).train(0, 1);
    // diff = 0.1·0.4 + 0.2·(−0.5) + 0.3 + 0.6 − 1 = −0.16; fdiff = 0.5·diff = −0.08; cost = ½·fdiff·diff.
    expect(result.cost).toBeCloseTo(0.0064, 7);
    expect(result.skipped).toBe(0);
    // Word gradient fdiff·c·lr = (−0.0016, 0.002), divided by sqrt(gradsq) = (1, 2); context gradient
    // fdiff·w·lr = (−0.0004, −0.0008); biases step by fdiff / sqrt(gradsq) (no learning rate).
    const expected = [0.1016, 0.199, 0.38, 0.4004, -0.4992, 0.6 + 0.08 / 3];
    expect([...parameters.weights]).toEqual(expected.map((value) => expect.closeTo(value, 6)));
    const expectedGradsq = [1 + 2.56e-6, 4 + 4e-6, 1.0064, 1 + 1.6e-7, 1 + 6.4e-7, 9.0064];
    expect([...parameters.gradsq]).toEqual(expectedGradsq.map((value) => expect.closeTo(value, 6)));
  });

  it('clips each gradient component to ±gradClip before the learning rate', () => {
    const { parameters, entries } = tinyModel();
    new GloveUpdater(parameters, entries, 0.05, 0.01).train(0, 1);
    // fdiff·c = (−0.032, 0.04) -> (−0.01, 0.01); fdiff·w = (−0.008, −0.016) -> (−0.008, −0.01).
    const expected = [0.1005, 0.19975, 0.38, 0.4004, -0.4995];
    expect([...parameters.weights.subarray(0, 5)]).toEqual(expected.map((value) => expect.closeTo(value, 6)));
  });

  it('skips an entry whose error is not finite, leaving the parameters alone', () => {
    const { parameters, entries } = tinyModel();
    entries.floats[2] = Number.NaN;
    const before = parameters.weights.slice();
    expect(new GloveUpdater(parameters, entries, 0.05, 100).train(0, 1)).toEqual({ cost: 0, skipped: 1 });
    expect(parameters.weights).toEqual(before);
  });
});

describe('createParameters and outputVectors', () => {
  it('initialises like glove.c: uniform in [−0.5/dim, 0.5/dim), squared-gradient sums of 1', () => {
    const parameters = createParameters(50, 8, new Random(3), false);
    expect(parameters.weights).toHaveLength(2 * 50 * 9);
    expect(parameters.weights.every((w) => w >= -0.5 / 8 && w < 0.5 / 8)).toBe(true);
    expect(new Set(parameters.weights).size).toBeGreaterThan(800);
    expect(parameters.gradsq.every((g) => g === 1)).toBe(true);
  });

  it('outputs W + W̃ (sum) or W (word), without biases', () => {
    const parameters: GloveParameters = {
      vocabSize: 2,
      dim: 2,
      weights: Float32Array.of(1, 2, 9, 3, 4, 9, 10, 20, 9, 30, 40, 9),
      gradsq: new Float32Array(12).fill(1),
    };
    expect(outputVectors(parameters, 'sum')).toEqual(Float32Array.of(11, 22, 33, 44));
    expect(outputVectors(parameters, 'word')).toEqual(Float32Array.of(1, 2, 3, 4));
  });
});
