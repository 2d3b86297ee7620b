/** Issue 15, items 6 and 9: huge result counts are clamped, non-finite gold scores are refused. */
import { ConfigError, FormatError, WordVectors } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { ExactIndex, evaluateWordPairs, mostSimilar, parseWordPairs } from '../index.js';

const vectors = new WordVectors(['a', 'b', 'c', 'd'], Float32Array.of(1, 0, 0.9, 0.1, 0, 1, -1, 0), 2);

describe('result counts larger than the vocabulary', () => {
  it('ExactIndex.nearest clamps k (no RangeError from allocating k slots)', () => {
    expect(new ExactIndex(vectors).nearest('a', { k: 1e10 }).map((n) => n.key)).toEqual(['b', 'c', 'd']);
  });

  it('mostSimilar clamps topn', () => {
    expect(mostSimilar(vectors, { positive: ['a'], topn: 1e12 })).toHaveLength(3);
  });

  it('a k that is not a non-negative integer is still a ConfigError', () => {
    expect(() => new ExactIndex(vectors).nearest('a', { k: Number.POSITIVE_INFINITY })).toThrow(ConfigError);
  });
});

describe('word-pair scores that are not finite', () => {
  for (const score of ['nan', 'inf', '-Infinity', '1e999']) {
    it(`refuses ${score}, naming the file and the line`, () => {
      expect(() => parseWordPairs(`a\tb\t1\nc\td\t${score}\n`, 'auto', 'set.tsv')).toThrow(
        new FormatError({ file: 'set.tsv', line: 2 }, 'a finite similarity score', JSON.stringify(score)),
      );
    });
  }

  it('evaluateWordPairs no longer returns NaN correlations', async () => {
    await expect(evaluateWordPairs(vectors, 'a\tb\t1\nc\td\tnan\na\tc\t3\n')).rejects.toThrow(
      '<text>, line 2: expected a finite similarity score, found "nan"',
    );
  });
});
