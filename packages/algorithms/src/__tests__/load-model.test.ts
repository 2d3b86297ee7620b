import { FormatError } from '@embedkit/core-math';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '#test-utils/shared-data.js';
import { loadModel } from '../load-model.js';

describeWithSharedData('loadModel', () => {
  it('recognises a fastText .bin by its magic number and embeds out-of-vocabulary words', async () => {
    const model = await loadModel(sharedData('reference', 'ft-lee-sg.bin'));
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
    const model = await loadModel(sharedData('reference', file));
    expect(model.format).toBe(format);
    expect(model.vectors.size).toBeGreaterThan(1000);
    expect(model.fastText).toBeUndefined();
  });

  it('rejects a file that is no model with a FormatError', async () => {
    await expect(loadModel(sharedData('reference', 'oov-probe-words.txt'))).rejects.toBeInstanceOf(
      FormatError,
    );
  });
});
