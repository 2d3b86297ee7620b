import { cosine } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { encodeSequences, trainItemEmbeddings } from '../index.js';

describe('item2vec', () => {
  it('interns items in order of first appearance', () => {
    const encoded = encodeSequences([
      ['a', 'b'],
      ['b', '__proto__'],
    ]);
    expect(encoded.keys).toEqual(['a', 'b', '__proto__']);
    expect([...encoded.ids]).toEqual([0, 1, 1, 2]);
    expect([...encoded.sentenceStarts]).toEqual([0, 2, 4]);
  });

  it('puts items bought by the same users next to each other', async () => {
    // Two tastes: users buy 3-6 items from one of two disjoint catalogues.
    const catalogues = [
      ['tea', 'scones', 'jam', 'cream', 'teapot'],
      ['tent', 'boots', 'map', 'compass', 'stove'],
    ];
    const sequences: string[][] = [];
    for (let user = 0; user < 600; user++) {
      const catalogue = catalogues[user % 2]!;
      const size = 3 + (user % 4);
      sequences.push(Array.from({ length: size }, (_, i) => catalogue[(user * 7 + i * 3) % 5]!));
    }
    const model = await trainItemEmbeddings(
      sequences,
      { dim: 16, window: 6, minCount: 1, epochs: 20, sample: 0 },
      { seed: 1, threads: 1 },
    );
    const similar = (a: string, b: string): number => cosine(model.vector(a)!, model.vector(b)!);
    expect(similar('tea', 'jam')).toBeGreaterThan(similar('tea', 'boots') + 0.2);
    expect(similar('map', 'stove')).toBeGreaterThan(similar('map', 'scones') + 0.2);
  });
});
