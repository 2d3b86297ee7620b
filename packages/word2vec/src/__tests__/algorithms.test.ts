import { AlgorithmRegistry, ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { CBOW_DEFAULTS, SKIPGRAM_DEFAULTS, Word2VecModel, word2vecCbow, word2vecSkipgram } from '../index.js';

describe('EmbeddingAlgorithm objects', () => {
  it('register under their ids with their defaults', () => {
    const registry = new AlgorithmRegistry().register(word2vecSkipgram).register(word2vecCbow);
    expect(registry.ids()).toEqual(['word2vec-skipgram', 'word2vec-cbow']);
    expect(word2vecSkipgram.defaults).toBe(SKIPGRAM_DEFAULTS);
    expect(word2vecCbow.defaults).toBe(CBOW_DEFAULTS);
    expect(Object.keys(word2vecCbow.defaults)).toContain('cbowMean');
    expect(Object.keys(word2vecSkipgram.defaults)).not.toContain('cbowMean');
  });

  it('train the architecture they are named after', async () => {
    const corpus = [['one', 'two', 'three', 'two', 'one']];
    const model = await word2vecCbow.train(corpus, { dim: 3, minCount: 1, epochs: 1 }, { threads: 1 });
    expect(model).toBeInstanceOf(Word2VecModel);
    expect(model.options.model).toBe('cbow');
    await expect(word2vecSkipgram.train(corpus, { model: 'cbow' } as never, { threads: 1 })).rejects.toThrow(
      ConfigError,
    );
  });
});
