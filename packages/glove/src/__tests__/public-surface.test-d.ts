/**
 * The public surface of `@embedkit/glove`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type {
  EmbeddingAlgorithm,
  Embedder,
  TrainContext,
  TrainingCorpus,
  WordVectors,
} from '@embedkit/core-math';
import type { Vocabulary } from '@embedkit/corpus';
import { describe, expectTypeOf, test } from 'vitest';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/glove', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'CooccurrenceMatrix'
      | 'GLOVE_DEFAULTS'
      | 'GloveModel'
      | 'countCooccurrences'
      | 'glove'
      | 'readGloveVocabulary'
      | 'resolveCooccurrenceOptions'
      | 'resolveGloveOptions'
      | 'trainGlove'
      | 'writeGloveVocabulary'
    >();
  });

  test('the browser entry: options and counting, without training and the vocabulary files', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<
      Exclude<
        keyof typeof root,
        'GloveModel' | 'glove' | 'readGloveVocabulary' | 'trainGlove' | 'writeGloveVocabulary'
      >
    >();
    expectTypeOf<typeof browser.countCooccurrences>().toEqualTypeOf<typeof root.countCooccurrences>();
  });

  test('signatures', () => {
    expectTypeOf<typeof root.trainGlove>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        options?: root.GloveOptions,
        context?: TrainContext,
      ) => Promise<root.GloveModel>
    >();
    expectTypeOf<root.GloveModel>().toExtend<Embedder>();
    expectTypeOf<root.GloveModel['wordVectors']>().toEqualTypeOf<WordVectors>();
    expectTypeOf<typeof root.glove>().toExtend<EmbeddingAlgorithm<root.GloveOptions>>();
    expectTypeOf<typeof root.countCooccurrences>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        vocabulary: Vocabulary,
        options?: root.CountCooccurrencesOptions,
      ) => Promise<root.CooccurrenceMatrix>
    >();
    expectTypeOf<typeof root.resolveGloveOptions>().toEqualTypeOf<
      (options?: root.GloveOptions) => root.ResolvedGloveOptions
    >();
    expectTypeOf<typeof root.readGloveVocabulary>().toEqualTypeOf<
      (path: string, options?: { readonly signal?: AbortSignal | undefined }) => Promise<Vocabulary>
    >();
    expectTypeOf<typeof root.writeGloveVocabulary>().toEqualTypeOf<
      (path: string, vocabulary: Vocabulary) => Promise<void>
    >();
  });
});
