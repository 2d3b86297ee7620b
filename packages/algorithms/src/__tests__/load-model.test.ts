import { FormatError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { loadModel } from '../load-model.js';

describe('loadModel', () => {
  it('recognises a fastText .bin by its magic number and embeds out-of-vocabulary words', async () => {
    const model = await loadModel(fixture('reference', 'ft-lee-sg.bin'));
    expect(model.format).toBe('fasttext-bin');
    expect(model.fastText).toBeDefined();
    expect(model.embedder.has('zzyzxq')).toBe(false);
    expect(model.embedder.vector('zzyzxq')).toHaveLength(16);
    expect(model.vectors.dim).toBe(16);
  });

  it.each([
    ['w2v-lee-sg.bin', 'word2vec-binary'],
    ['w2v-lee-cbow.txt', 'word2vec-text'],
    ['glove-lee.txt', 'glove'],
  ])('detects %s as %s', async (file, format) => {
    const model = await loadModel(fixture('reference', file));
    expect(model.format).toBe(format);
    expect(model.vectors.size).toBeGreaterThan(1000);
    expect(model.fastText).toBeUndefined();
  });

  it('rejects a file that is no model with a FormatError', async () => {
    await expect(loadModel(fixture('reference', 'oov-probe-words.txt'))).rejects.toBeInstanceOf(FormatError);
  });
});
