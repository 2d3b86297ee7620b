/**
 * The public surface of `@embedkit/corpus`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type { TrainingCorpus } from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/corpus', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'DEFAULT_CHUNK_SIZE'
      | 'DEFAULT_MAX_SENTENCE_LENGTH'
      | 'DEFAULT_MIN_COUNT'
      | 'ENGLISH_CONNECTOR_WORDS'
      | 'FrozenPhrases'
      | 'PHRASES_DEFAULTS'
      | 'Phrases'
      | 'Vocabulary'
      | 'applyPhraseLayers'
      | 'encodeCorpus'
      | 'encodeCorpusBlocks'
      | 'isWhitespaceCode'
      | 'learnPhrasePasses'
      | 'readSentences'
      | 'resolvePhrasesOptions'
      | 'sentencesFromBytes'
      | 'sentencesOf'
      | 'unicodeWordTokenizer'
      | 'whitespaceTokenizer'
      | 'withReplayableCorpus'
    >();
  });

  test('the browser entry exports the same values except readSentences (files)', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<Exclude<keyof typeof root, 'readSentences'>>();
    expectTypeOf<typeof browser.withReplayableCorpus>().toEqualTypeOf<typeof root.withReplayableCorpus>();
  });

  test('signatures', () => {
    expectTypeOf<typeof root.readSentences>().toEqualTypeOf<
      (path: string, options?: root.SentenceOptions) => AsyncIterable<string[]>
    >();
    expectTypeOf<typeof root.sentencesOf>().toEqualTypeOf<
      (corpus: TrainingCorpus, options?: root.SentenceOptions) => AsyncIterable<readonly string[]>
    >();
    expectTypeOf<typeof root.sentencesFromBytes>().toEqualTypeOf<
      (chunks: root.ByteChunks, options?: root.SentenceOptions) => AsyncIterable<string[]>
    >();
    expectTypeOf<typeof root.encodeCorpus>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        vocab: root.Vocabulary,
        options?: root.EncodeCorpusOptions,
      ) => Promise<root.EncodedCorpus>
    >();
    expectTypeOf<typeof root.encodeCorpusBlocks>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        vocab: root.Vocabulary,
        options?: root.SentenceOptions,
      ) => AsyncIterable<root.EncodedCorpus>
    >();
    expectTypeOf<typeof root.unicodeWordTokenizer>().toEqualTypeOf<
      (options?: root.UnicodeWordTokenizerOptions) => root.Tokenizer
    >();
    expectTypeOf<typeof root.whitespaceTokenizer>().toEqualTypeOf<root.Tokenizer>();
    expectTypeOf<typeof root.isWhitespaceCode>().toEqualTypeOf<(code: number) => boolean>();
  });
});
