import { describe, expect, it } from 'vitest';
import { FILE_FORMATS, formatForPath, parseFileFormat } from '../formats.js';

describe('format names', () => {
  it("are the library's names: vector-io's formats and fasttext-bin", () => {
    expect(FILE_FORMATS).toEqual([
      'word2vec-text',
      'word2vec-binary',
      'glove',
      'fasttext-vec',
      'fasttext-bin',
    ]);
    for (const format of FILE_FORMATS) expect(parseFileFormat(format)).toBe(format);
  });

  it('accept the short names of earlier versions as aliases', () => {
    expect(parseFileFormat('word2vec-bin')).toBe('word2vec-binary');
    expect(parseFileFormat('word2vec-txt')).toBe('word2vec-text');
    expect(parseFileFormat('vec')).toBe('fasttext-vec');
  });

  it('reject anything else, listing the formats and the aliases', () => {
    for (const wrong of ['bin', 'Word2Vec-Binary', '__proto__', 'constructor', '']) {
      expect(() => parseFileFormat(wrong)).toThrow(
        'Allowed formats are word2vec-text, word2vec-binary, glove, fasttext-vec, fasttext-bin (aliases: word2vec-bin = word2vec-binary, word2vec-txt = word2vec-text, vec = fasttext-vec).',
      );
    }
  });

  it('follow the output extension when train has no --format', () => {
    expect(formatForPath('a/model.bin', true)).toBe('fasttext-bin');
    expect(formatForPath('a/model.bin', false)).toBe('word2vec-binary');
    expect(formatForPath('model.VEC', true)).toBe('fasttext-vec');
    expect(formatForPath('vectors.txt', false)).toBe('word2vec-text');
    expect(formatForPath('vectors', false)).toBe('word2vec-binary');
  });
});
