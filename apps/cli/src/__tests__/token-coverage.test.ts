import { WordVectors } from '@embedkit/core-math';
import { TextEmbedder } from '@embedkit/text-pooling';
import { describe, expect, it } from 'vitest';
import { hasUpperCaseWord, TokenCoverage, type TokenizingSettings } from '../token-coverage.js';

function vectors(words: readonly string[]): WordVectors {
  return new WordVectors(words, new Float32Array(words.length * 2).fill(1), 2);
}

function coverageOf(
  words: readonly string[],
  settings: TokenizingSettings,
  texts: readonly string[],
): TokenCoverage {
  const vocabulary = vectors(words);
  const coverage = new TokenCoverage(new TextEmbedder(vocabulary, settings), vocabulary, settings);
  for (const text of texts) coverage.count(text);
  return coverage;
}

describe('hasUpperCaseWord', () => {
  it('finds a capital anywhere in any script, and nothing in an all-lower-case vocabulary', () => {
    expect(hasUpperCaseWord(vectors(['the', 'cat', '東京', '42', '__proto__']))).toBe(false);
    expect(hasUpperCaseWord(vectors(['the', 'iPhone']))).toBe(true);
    expect(hasUpperCaseWord(vectors(['the', 'Ελλάδα']))).toBe(true);
  });
});

describe('TokenCoverage', () => {
  const plain: TokenizingSettings = { lowercase: false, tokenizer: 'whitespace' };

  it('warns when more than half the tokens are unknown, suggesting the settings not in use', () => {
    const coverage = coverageOf(['the', 'cat', 'sat'], plain, ['The Cat sat.', 'The mat']);
    // The, Cat, sat. (the whitespace tokenizer keeps the full stop), The, mat: none is in the vocabulary.
    expect(coverage.warning()).toBe(
      'warning: 5 of 5 tokens (100.0%) are not in the vocabulary, so their texts are embedded from the rest; try --lowercase and --tokenizer unicode-word',
    );
    const lowered = coverageOf(['the', 'cat', 'sat'], { lowercase: true, tokenizer: 'whitespace' }, [
      'The Cat sat.',
      'on a Mat!',
    ]);
    // the, cat, sat., on, a, mat!: the last four are unknown.
    expect(lowered.warning()).toBe(
      'warning: 4 of 6 tokens (66.7%) are not in the vocabulary, so their texts are embedded from the rest; try --tokenizer unicode-word',
    );
  });

  it('says nothing when at most half the tokens are unknown', () => {
    const settings: TokenizingSettings = { lowercase: true, tokenizer: 'unicode-word' };
    expect(coverageOf(['the', 'cat', 'sat'], settings, ['The Cat sat.', 'on the Mat!']).warning()).toBe(
      undefined,
    );
    expect(coverageOf(['a', 'b'], plain, ['a b c d']).warning()).toBe(undefined);
    expect(coverageOf(['a', 'b'], plain, []).warning()).toBe(undefined);
  });

  it('suggests nothing more when both settings are in use, and counts texts it passes through', async () => {
    const settings: TokenizingSettings = { lowercase: true, tokenizer: 'unicode-word' };
    const vocabulary = vectors(['chat']);
    const coverage = new TokenCoverage(new TextEmbedder(vocabulary, settings), vocabulary, settings);
    const passed: string[] = [];
    for await (const text of coverage.counted(['Le chien', 'et le chat'])) passed.push(text);
    expect(passed).toEqual(['Le chien', 'et le chat']);
    expect(coverage.warning()).toBe(
      'warning: 4 of 5 tokens (80.0%) are not in the vocabulary, so their texts are embedded from the rest; the texts and the vectors may not be in the same language or tokenization',
    );
  });
});
