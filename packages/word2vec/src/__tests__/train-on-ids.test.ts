import { ConfigError, EmptyVocabularyError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { trainWord2Vec, trainWord2VecOnIds } from '../index.js';
import { leeSentences } from './lee-corpus.js';

/** The Lee corpus as ids into its distinct words (in order of first appearance). */
function leeAsIds(): { keys: string[]; ids: Int32Array; sentenceStarts: Int32Array } {
  const index = new Map<string, number>();
  const ids: number[] = [];
  const starts = [0];
  for (const sentence of leeSentences()) {
    for (const word of sentence) {
      if (!index.has(word)) index.set(word, index.size);
      ids.push(index.get(word)!);
    }
    starts.push(ids.length);
  }
  return { keys: [...index.keys()], ids: Int32Array.from(ids), sentenceStarts: Int32Array.from(starts) };
}

describe('trainWord2VecOnIds', () => {
  const options = { dim: 12, epochs: 1, minCount: 5 } as const;

  it('gives the same vectors as training on the same sentences as text', async () => {
    const { keys, ids, sentenceStarts } = leeAsIds();
    const fromIds = await trainWord2VecOnIds({ ids, sentenceStarts }, keys, options, { threads: 1, seed: 3 });
    const fromText = await trainWord2Vec(leeSentences(), options, { threads: 1, seed: 3 });
    expect([...fromIds.keys()]).toEqual([...fromText.keys()]);
    expect(
      Buffer.from(
        fromIds.inputWeights.buffer,
        fromIds.inputWeights.byteOffset,
        fromIds.inputWeights.byteLength,
      ).equals(
        Buffer.from(
          fromText.inputWeights.buffer,
          fromText.inputWeights.byteOffset,
          fromText.inputWeights.byteLength,
        ),
      ),
    ).toBe(true);
  });

  it('gives no vector to a key that never occurs, even with minCount 0', async () => {
    const sequences = { ids: Int32Array.of(0, 1, 0, 1, 0), sentenceStarts: Int32Array.of(0, 2, 5) };
    const model = await trainWord2VecOnIds(
      sequences,
      ['a', 'b', '__proto__'],
      { dim: 4, minCount: 0 },
      { threads: 1 },
    );
    expect([...model.keys()]).toEqual(['a', 'b']);
    expect(model.has('__proto__')).toBe(false);
  });

  it('rejects ids outside the keys and malformed offsets, naming them', async () => {
    const keys = ['a', 'b'];
    await expect(
      trainWord2VecOnIds({ ids: Int32Array.of(0, 2), sentenceStarts: Int32Array.of(0, 2) }, keys),
    ).rejects.toThrow(/ids\[1\]/);
    await expect(
      trainWord2VecOnIds({ ids: Int32Array.of(0, 1), sentenceStarts: Int32Array.of(0, 1) }, keys),
    ).rejects.toBeInstanceOf(ConfigError);
    await expect(
      trainWord2VecOnIds({ ids: Int32Array.of(0, 1), sentenceStarts: Int32Array.of(0, 2) }, keys, {
        minCount: 3,
      }),
    ).rejects.toBeInstanceOf(EmptyVocabularyError);
  });
});
