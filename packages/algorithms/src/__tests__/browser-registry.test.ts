import { describe, expect, it } from 'vitest';
import { createBrowserRegistry, createRegistry } from '../index.js';

describe('createBrowserRegistry', () => {
  it('holds the built-in algorithms that train in a page, the same objects createRegistry holds', async () => {
    const browser = createBrowserRegistry();
    const full = await createRegistry();
    expect(browser.ids().sort()).toEqual([
      'fasttext-cbow',
      'fasttext-skipgram',
      'ppmi-svd',
      'word2vec-cbow',
      'word2vec-skipgram',
    ]);
    for (const algorithm of browser.list()) expect(full.get(algorithm.id)).toBe(algorithm);
    expect(browser.has('glove')).toBe(false);
  });
});
