import { topK } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import { fixture } from '#test-utils/fixtures.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GloveModel } from '../index.js';
import { trainGlove } from '../index.js';

/** The `k` nearest words of `word` by cosine similarity. */
function neighbours(model: GloveModel, word: string, k: number): string[] {
  const vectors = model.wordVectors;
  const unit = vectors.unitMatrix();
  const row = vectors.requireIndex(word);
  const scores = new Float32Array(vectors.size);
  kernels().matVec(unit, 0, vectors.size, vectors.dim, unit, row * vectors.dim, scores, 0);
  const { indices } = topK(scores, k, { exclude: (i) => i === row });
  return [...indices].map((i) => vectors.keyAt(i));
}

describe('quality smoke test on lee_background.cor', () => {
  let model: GloveModel;
  beforeAll(async () => {
    model = await trainGlove(
      fixture('corpora', 'lee_background.cor'),
      { dim: 24, window: 10, minCount: 5, xMax: 10, epochs: 15 },
      { threads: 1, seed: 1 },
    );
  });

  it('keeps the tools\u2019 vocabulary size and lowers the cost', () => {
    expect(model.size).toBe(1762);
    const costs = model.training.costs;
    expect(costs.at(-1)).toBeLessThan(costs[1]!);
  });

  it.each([
    ['Arafat', 'Yasser'],
    ['Palestinian', 'Authority'],
    ['Palestinian', 'Israeli'],
    ['Israeli', 'Palestinian'],
    ['Afghanistan', 'Kabul'],
  ])('finds %s\u2019s neighbour %s among its ten nearest words', (word, expected) => {
    expect(neighbours(model, word, 10)).toContain(expected);
  });
});
