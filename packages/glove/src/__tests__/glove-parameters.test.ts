import { Random } from '@embedkit/core-math';
import { inKernelMemory, kernelsName } from '@embedkit/core-math/kernels';
import { describe, expect, it } from 'vitest';
import type { GloveParameters } from '../glove-parameters.js';
import { createParameters, outputVectors, releaseParameters } from '../glove-parameters.js';

describe('createParameters and outputVectors', () => {
  it('initialises like glove.c: uniform in [−0.5/dim, 0.5/dim), squared-gradient sums of 1', () => {
    const parameters = createParameters(50, 8, new Random(3));
    expect(parameters.weights).toHaveLength(2 * 50 * 9);
    expect(parameters.weights.every((w) => w >= -0.5 / 8 && w < 0.5 / 8)).toBe(true);
    expect(new Set(parameters.weights).size).toBeGreaterThan(800);
    expect(parameters.gradsq.every((g) => g === 1)).toBe(true);
    // In the kernel memory, so the WebAssembly step runs on them (when those kernels are in use).
    const wasm = kernelsName() === 'wasm-simd';
    expect(inKernelMemory(parameters.weights) && inKernelMemory(parameters.gradsq)).toBe(wasm);
    releaseParameters(parameters);
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
