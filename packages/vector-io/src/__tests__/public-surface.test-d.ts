/**
 * The public surface of `@embedkit/vector-io`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type { WordVectors } from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/vector-io', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'UNICODE_ERRORS'
      | 'VECTOR_FORMATS'
      | 'checkOutputPath'
      | 'createWordDecoder'
      | 'detectFormat'
      | 'formatFloat32'
      | 'isVectorFormat'
      | 'parseVectors'
      | 'readVectors'
      | 'serializeVectors'
      | 'writeFileAtomic'
      | 'writeVectors'
    >();
  });

  test('the browser entry exports the same values except those that write files or check paths', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<
      Exclude<keyof typeof root, 'checkOutputPath' | 'writeFileAtomic' | 'writeVectors'>
    >();
    expectTypeOf<root.VectorSource>().toEqualTypeOf<string | Blob | ReadableStream<Uint8Array>>();
  });

  test('signatures', () => {
    expectTypeOf<root.VectorFormat>().toEqualTypeOf<
      'word2vec-text' | 'word2vec-binary' | 'glove' | 'fasttext-vec'
    >();
    expectTypeOf<typeof root.VECTOR_FORMATS>().toEqualTypeOf<readonly root.VectorFormat[]>();
    expectTypeOf<typeof root.readVectors>().toEqualTypeOf<
      (source: root.VectorSource, options?: root.ReadVectorsOptions) => Promise<WordVectors>
    >();
    expectTypeOf<typeof root.parseVectors>().toEqualTypeOf<
      (bytes: Uint8Array, options?: root.ParseVectorsOptions) => WordVectors
    >();
    expectTypeOf<typeof root.writeVectors>().toEqualTypeOf<
      (path: string, vectors: WordVectors, options: root.WriteVectorsOptions) => Promise<void>
    >();
    expectTypeOf<typeof root.serializeVectors>().toEqualTypeOf<
      (vectors: WordVectors, format: root.VectorFormat) => Uint8Array
    >();
    expectTypeOf<typeof root.detectFormat>().toEqualTypeOf<{
      (bytes: Uint8Array): root.VectorFormat;
      (source: root.VectorSource): Promise<root.VectorFormat>;
    }>();
    expectTypeOf<typeof root.isVectorFormat>().toEqualTypeOf<
      (value: unknown) => value is root.VectorFormat
    >();
    expectTypeOf<typeof root.formatFloat32>().toEqualTypeOf<(value: number) => string>();
    expectTypeOf<typeof root.writeFileAtomic>().toEqualTypeOf<
      (
        path: string,
        chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
        options?: { readonly signal?: AbortSignal | undefined },
      ) => Promise<void>
    >();
  });
});
