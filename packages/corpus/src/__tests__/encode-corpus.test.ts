import { CancelledError, ConfigError } from '@embedkit/core-math';
import type { TrainingProgress } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { Vocabulary, encodeCorpus } from '../index.js';

const vocab = Vocabulary.fromCounts(['the', 'cat', 'sat', 'mat'], [4, 3, 2, 1]);

describe('encodeCorpus', () => {
  it('encodes sentences into ids with sentence starts, dropping unknown words and emptied sentences', async () => {
    const corpus = [['the', 'cat', 'sat'], ['a', 'dog'], [], ['on', 'the', 'mat'], ['cat']];
    const encoded = await encodeCorpus(corpus, vocab);
    expect(Array.from(encoded.ids)).toEqual([0, 1, 2, 0, 3, 1]);
    expect(Array.from(encoded.sentenceStarts)).toEqual([0, 3, 5, 6]);
    expect(encoded.tokens).toBe(6);
  });

  it('cuts long sentences into pieces of maxSentenceLength tokens before dropping unknown words', async () => {
    const encoded = await encodeCorpus([['the', 'dog', 'cat', 'sat', 'dog', 'dog', 'mat']], vocab, {
      maxSentenceLength: 3,
    });
    expect(Array.from(encoded.ids)).toEqual([0, 1, 2, 3]);
    expect(Array.from(encoded.sentenceStarts)).toEqual([0, 2, 3, 4]);
  });

  it('grows past its initial capacity and returns arrays of exactly the right length', async () => {
    const sentence = Array.from({ length: 1000 }, (_, i) => vocab.word(i % vocab.size));
    const corpus = Array.from({ length: 150 }, () => sentence);
    const encoded = await encodeCorpus(corpus, vocab);
    expect(encoded.tokens).toBe(150_000);
    expect(encoded.ids).toHaveLength(150_000);
    expect(encoded.sentenceStarts).toHaveLength(151);
    expect(encoded.ids.buffer.byteLength).toBe(150_000 * 4);
    expect(Array.from(encoded.ids.subarray(149_996))).toEqual([0, 1, 2, 3]);
    expect(encoded.sentenceStarts[150]).toBe(150_000);
  });

  it('gives empty arrays (and one sentence start) when no token is known', async () => {
    const encoded = await encodeCorpus([['dog']], vocab);
    expect(encoded.tokens).toBe(0);
    expect(Array.from(encoded.sentenceStarts)).toEqual([0]);
  });

  it('reports progress in the encoding phase, ending with every token read', async () => {
    const reports: TrainingProgress[] = [];
    await encodeCorpus([['the', 'dog']], vocab, { onProgress: (p) => reports.push(p) });
    expect(reports.at(-1)).toMatchObject({ phase: 'encoding', processed: 2, unit: 'words' });
  });

  it('stops with CancelledError when the signal aborts, and rejects bad options', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(encodeCorpus([['the']], vocab, { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
    await expect(encodeCorpus([['the']], vocab, { maxSentenceLength: 0 })).rejects.toBeInstanceOf(
      ConfigError,
    );
  });
});
