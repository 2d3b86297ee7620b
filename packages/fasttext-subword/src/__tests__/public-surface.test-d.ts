/**
 * The public surface of `@embedkit/fasttext-subword`: the exact set of values the root exports and the
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
import { describe, expectTypeOf, test } from 'vitest';
import type { BrowserCorpus, BrowserTrainContext } from '@embedkit/word2vec';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/fasttext-subword', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'EOS'
      | 'FASTTEXT_DEFAULTS'
      | 'FASTTEXT_MAGIC'
      | 'FASTTEXT_SNIFF_BYTES'
      | 'FASTTEXT_VERSION'
      | 'FastTextModel'
      | 'SubwordIndexer'
      | 'buildInputRowTable'
      | 'fastTextHash'
      | 'fastTextHashBytes'
      | 'fasttextCbow'
      | 'fasttextSkipgram'
      | 'formatGeneral'
      | 'looksLikeFastTextBin'
      | 'parseFastTextBin'
      | 'printedWordVector'
      | 'readFastTextBin'
      | 'readFastTextVec'
      | 'resolveFastTextOptions'
      | 'serializeFastTextBin'
      | 'trainFastText'
      | 'trainFastTextInBrowser'
      | 'writeFastTextBin'
      | 'writeFastTextVec'
    >();
  });

  test('the browser entry leaves out the file functions', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<
      Exclude<
        keyof typeof root,
        'readFastTextBin' | 'readFastTextVec' | 'writeFastTextBin' | 'writeFastTextVec'
      >
    >();
    expectTypeOf<typeof browser.trainFastTextInBrowser>().toEqualTypeOf<
      (
        corpus: BrowserCorpus,
        options: root.FastTextTrainOptionsInput,
        context?: BrowserTrainContext,
      ) => Promise<root.BrowserFastTextResult>
    >();
  });

  test('training and the model', () => {
    expectTypeOf<typeof root.trainFastText>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        options?: Partial<root.FastTextTrainOptions>,
        context?: TrainContext,
      ) => Promise<root.FastTextModel>
    >();
    expectTypeOf<root.FastTextModel>().toExtend<Embedder>();
    expectTypeOf<root.FastTextModel['wordVectors']>().toEqualTypeOf<WordVectors>();
    expectTypeOf<typeof root.fasttextSkipgram>().toExtend<
      EmbeddingAlgorithm<root.FastTextAlgorithmOptions>
    >();
    expectTypeOf<typeof root.fasttextCbow>().toExtend<EmbeddingAlgorithm<root.FastTextAlgorithmOptions>>();
    expectTypeOf<typeof root.resolveFastTextOptions>().toEqualTypeOf<
      (input?: Partial<root.FastTextTrainOptions>) => root.FastTextTrainOptions
    >();
  });

  test('files', () => {
    expectTypeOf<typeof root.readFastTextBin>().toEqualTypeOf<
      (path: string, options?: root.ReadFastTextBinOptions) => Promise<root.FastTextModel>
    >();
    expectTypeOf<typeof root.writeFastTextBin>().toEqualTypeOf<
      (path: string, model: root.FastTextModel, options?: { readonly signal?: AbortSignal }) => Promise<void>
    >();
    expectTypeOf<typeof root.parseFastTextBin>().toEqualTypeOf<
      (bytes: Uint8Array, options?: root.ReadFastTextBinOptions) => Promise<root.FastTextModel>
    >();
    expectTypeOf<typeof root.serializeFastTextBin>().toEqualTypeOf<
      (model: root.FastTextModel) => Uint8Array
    >();
    expectTypeOf<typeof root.readFastTextVec>().toEqualTypeOf<
      (path: string, options?: { readonly signal?: AbortSignal | undefined }) => Promise<WordVectors>
    >();
    expectTypeOf<typeof root.writeFastTextVec>().toEqualTypeOf<
      (
        path: string,
        model: root.FastTextModel,
        options?: { readonly signal?: AbortSignal | undefined },
      ) => Promise<void>
    >();
  });

  test("fastText's print-word-vectors lines", () => {
    expectTypeOf<typeof root.printedWordVector>().toEqualTypeOf<
      (word: string, vector: ArrayLike<number>) => string
    >();
    expectTypeOf<typeof root.formatGeneral>().toEqualTypeOf<
      (value: number, significant?: number) => string
    >();
  });

  test('subwords', () => {
    expectTypeOf<typeof root.fastTextHash>().toEqualTypeOf<(text: string) => number>();
    expectTypeOf<typeof root.fastTextHashBytes>().toEqualTypeOf<
      (bytes: Uint8Array, start?: number, end?: number) => number
    >();
    expectTypeOf<typeof root.SubwordIndexer>().constructorParameters.toEqualTypeOf<
      [parameters: root.SubwordParameters, nwords: number, eosHasNgrams?: boolean]
    >();
  });
});
