import { readFileSync } from 'node:fs';
import { ConfigError, WordVectors } from '@embedkit/core-math';
import { parseVectors } from '@embedkit/vector-io';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { alignedLayouts, pcaLayout } from '../layouts.js';

const lee = parseVectors(readFileSync(fixture('reference', 'w2v-lee-cbow.txt')));

/** The same words with every vector multiplied by the orthogonal matrix that swaps and negates axes. */
function rotated(vectors: WordVectors): WordVectors {
  const { dim } = vectors;
  const matrix = new Float32Array(vectors.size * dim);
  for (let row = 0; row < vectors.size; row++) {
    const v = vectors.row(row);
    for (let j = 0; j < dim; j++)
      matrix[row * dim + j] = j % 2 === 0 ? -v[(j + 1) % dim]! : v[(j + dim - 1) % dim]!;
  }
  return new WordVectors(vectors.keyList(), matrix, dim);
}

describe('pcaLayout', () => {
  it('places the top words on their two principal directions, the first spread widest', () => {
    const layout = pcaLayout(lee, 500);
    expect(layout.words).toEqual(lee.keyList().slice(0, 500));
    let spreadX = 0;
    let spreadY = 0;
    let meanX = 0;
    for (let i = 0; i < 500; i++) {
      spreadX += layout.points[2 * i]! ** 2;
      spreadY += layout.points[2 * i + 1]! ** 2;
      meanX += layout.points[2 * i]!;
    }
    expect(Math.abs(meanX / 500)).toBeLessThan(1e-4);
    expect(spreadX).toBeGreaterThan(spreadY);
    expect(spreadY).toBeGreaterThan(0);
  });

  it('refuses a top that is not a positive integer', () => {
    expect(() => pcaLayout(lee, 0)).toThrow(ConfigError);
  });
});

describe('alignedLayouts', () => {
  it('puts every word at the same place when the second model is a rotation of the first', () => {
    const { first, second, shared } = alignedLayouts(lee, rotated(lee), 300);
    expect(shared).toBe(300);
    first.points.forEach((value, i) => {
      expect(second!.points[i]).toBeCloseTo(value, 3);
    });
  });

  it('keeps only the shared words, and refuses models of different dimensions', () => {
    const half = new WordVectors(
      lee.keyList().slice(0, 100),
      lee.unitMatrix().slice(0, 100 * lee.dim),
      lee.dim,
    );
    expect(alignedLayouts(lee, half, 300).first.words).toEqual(lee.keyList().slice(0, 100));
    const narrow = new WordVectors(['a', 'b'], new Float32Array(4), 2);
    expect(() => alignedLayouts(lee, narrow, 10)).toThrow(/dimension 2.*first model's dimension, 20/);
  });
});
