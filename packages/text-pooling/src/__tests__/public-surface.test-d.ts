/**
 * The public surface of `@embedkit/text-pooling`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type { Embedder, WordVectors } from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/text-pooling', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'DocumentFrequencies'
      | 'POOLING_METHODS'
      | 'SemanticIndex'
      | 'TextEmbedder'
      | 'WordFrequencies'
      | 'evaluateSts'
      | 'parseSts'
      | 'readSts'
      | 'readWordFrequencies'
    >();
  });

  test('the browser entry exports the same values except those that read files', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<
      Exclude<keyof typeof root, 'evaluateSts' | 'readSts' | 'readWordFrequencies'>
    >();
  });

  test('signatures', () => {
    expectTypeOf<typeof root.TextEmbedder>().constructorParameters.toEqualTypeOf<
      [embedder: Embedder, options?: root.TextEmbedderOptions]
    >();
    expectTypeOf<root.TextEmbedder['embed']>().toEqualTypeOf<(text: string) => root.TextEmbedding>();
    expectTypeOf<root.TextEmbedder['embedMany']>().toEqualTypeOf<
      (texts: Iterable<string>) => root.EmbeddingBatch
    >();
    expectTypeOf<root.TextEmbedder['tokenize']>().toEqualTypeOf<(text: string) => string[]>();
    expectTypeOf<typeof root.SemanticIndex>().constructorParameters.toEqualTypeOf<
      [textEmbedder: root.TextEmbedder, vectors: WordVectors]
    >();
    expectTypeOf<typeof root.evaluateSts>().toEqualTypeOf<
      (
        embedder: Embedder,
        stsFile: string,
        method: root.PoolingMethod,
        options?: root.StsOptions,
      ) => Promise<root.StsResult>
    >();
    expectTypeOf<typeof root.parseSts>().toEqualTypeOf<(text: string) => root.StsData>();
    expectTypeOf<typeof root.readSts>().toEqualTypeOf<(path: string) => Promise<root.StsData>>();
    expectTypeOf<typeof root.readWordFrequencies>().toEqualTypeOf<
      (path: string, options?: root.ReadWordFrequenciesOptions) => Promise<root.WordFrequencies>
    >();
    expectTypeOf<typeof root.POOLING_METHODS>().toEqualTypeOf<readonly root.PoolingMethod[]>();
  });
});
