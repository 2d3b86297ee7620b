import { isEmbeddingError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { readFileBytes as readInBrowser } from '../read-file-browser.js';

describe('evaluation files in the browser build', () => {
  it('refuses a path with a ConfigError that asks for the text', async () => {
    const read = readInBrowser('wordsim353.tsv');
    await expect(read).rejects.toSatisfy((e) => isEmbeddingError(e, 'CONFIG'));
    await expect(read).rejects.toThrow(/option pathOrText: got "wordsim353.tsv".*needs Node/);
  });
});
