/**
 * The public surface of `@embedkit/core-math` and `@embedkit/core-math/kernels`: the exact set of
 * values each entry exports and the signatures users call. An export added, removed or changed by
 * accident fails here; a deliberate change updates this file in the same commit.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type * as root from '../index.js';
import type * as kernelsEntry from '../kernels-entry.js';

describe('@embedkit/core-math', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'AlgorithmRegistry'
      | 'CancelledError'
      | 'ConfigError'
      | 'DimensionMismatchError'
      | 'EmbeddingError'
      | 'EmptyVocabularyError'
      | 'FormatError'
      | 'IoError'
      | 'KeyNotFoundError'
      | 'NumericError'
      | 'Random'
      | 'WordVectors'
      | 'cosine'
      | 'isEmbedder'
      | 'isEmbeddingAlgorithm'
      | 'isEmbeddingError'
      | 'isSavableModel'
      | 'mean'
      | 'norm'
      | 'normalizeInPlace'
      | 'normalizeRows'
      | 'openRegularFile'
      | 'orthogonalProcrustes'
      | 'pearson'
      | 'principalComponents'
      | 'rankAverage'
      | 'solveTransport'
      | 'spearman'
      | 'throwIfAborted'
      | 'topK'
      | 'variance'
    >();
  });

  test('the contracts keep their shape', () => {
    expectTypeOf<root.Embedder>().toEqualTypeOf<{
      readonly dim: number;
      readonly size: number;
      vector(token: string): Float32Array | undefined;
      has(token: string): boolean;
      keys(): IterableIterator<string>;
    }>();
    expectTypeOf<root.WordVectors>().toExtend<root.Embedder>();
    expectTypeOf<typeof root.WordVectors>().constructorParameters.toEqualTypeOf<
      [keys: readonly string[], matrix: Float32Array, dim: number, counts?: ArrayLike<number>]
    >();
    expectTypeOf<typeof root.WordVectors.fromEmbedder>().toEqualTypeOf<
      (embedder: root.Embedder, keys?: Iterable<string>) => root.WordVectors
    >();
    expectTypeOf<root.TrainingCorpus>().toEqualTypeOf<
      string | Iterable<readonly string[]> | AsyncIterable<readonly string[]>
    >();
    expectTypeOf<root.TrainContext>().toEqualTypeOf<{
      readonly onProgress?: (progress: root.TrainingProgress) => void;
      readonly signal?: AbortSignal;
      readonly threads?: number;
      readonly seed?: number;
    }>();
    expectTypeOf<root.TrainingProgress>().toEqualTypeOf<{
      readonly phase: string;
      readonly epoch?: number;
      readonly epochs?: number;
      readonly processed?: number;
      readonly total?: number;
      readonly unit?: string;
      readonly fraction?: number;
      readonly learningRate?: number;
      readonly perSecond?: number;
      readonly loss?: number;
      readonly predictions?: number;
      readonly message?: string;
    }>();
    expectTypeOf<root.EmbeddingAlgorithm<{ dim: number }>>().toEqualTypeOf<{
      readonly id: string;
      readonly description: string;
      readonly defaults: Readonly<{ dim: number }>;
      readonly modelFormats?: readonly string[];
      train(
        corpus: root.TrainingCorpus,
        options: Partial<{ dim: number }>,
        context?: root.TrainContext,
      ): Promise<root.Embedder>;
    }>();
    expectTypeOf<root.SavableModel>().toExtend<root.Embedder>();
    expectTypeOf<root.SavableModel['savableFormats']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<root.SavableModel['save']>().toEqualTypeOf<
      (path: string, format: string, options?: root.SaveOptions) => Promise<void>
    >();
    expectTypeOf<typeof root.isSavableModel>().toEqualTypeOf<
      (model: root.Embedder) => model is root.SavableModel
    >();
    expectTypeOf<root.AlgorithmRegistry['get']>().toEqualTypeOf<
      (id: string) => root.EmbeddingAlgorithm<object> | undefined
    >();
    expectTypeOf<root.CommonTrainOptions>().toEqualTypeOf<{
      readonly dim?: number;
      readonly window?: number;
      readonly minCount?: number;
      readonly maxVocab?: number;
      readonly epochs?: number;
    }>();
  });

  test('errors: one base class with a code, a type guard', () => {
    expectTypeOf<root.EmbeddingErrorCode>().toEqualTypeOf<
      | 'FORMAT'
      | 'CONFIG'
      | 'EMPTY_VOCABULARY'
      | 'DIMENSION_MISMATCH'
      | 'NUMERIC'
      | 'KEY_NOT_FOUND'
      | 'CANCELLED'
      | 'IO'
    >();
    expectTypeOf<typeof root.isEmbeddingError>().toEqualTypeOf<
      (error: unknown, code?: root.EmbeddingErrorCode) => error is root.EmbeddingError
    >();
    expectTypeOf<typeof root.FormatError>().constructorParameters.toEqualTypeOf<
      [location: root.FileLocation, expected: string, found?: string]
    >();
    expectTypeOf<typeof root.ConfigError>().constructorParameters.toEqualTypeOf<
      [option: string, value: unknown, allowed: string]
    >();
    expectTypeOf<typeof root.IoError>().constructorParameters.toEqualTypeOf<
      [file: string, message: string, cause?: unknown]
    >();
    expectTypeOf<typeof root.KeyNotFoundError>().constructorParameters.toEqualTypeOf<
      [key: string, where?: string]
    >();
    expectTypeOf<
      InstanceType<
        | typeof root.CancelledError
        | typeof root.ConfigError
        | typeof root.DimensionMismatchError
        | typeof root.EmptyVocabularyError
        | typeof root.FormatError
        | typeof root.IoError
        | typeof root.KeyNotFoundError
        | typeof root.NumericError
      >
    >().toExtend<root.EmbeddingError>();
    expectTypeOf<typeof root.throwIfAborted>().toEqualTypeOf<
      (signal: AbortSignal | undefined, what?: string) => void
    >();
  });

  test('vector maths and statistics', () => {
    expectTypeOf<typeof root.cosine>().toEqualTypeOf<(a: Float32Array, b: Float32Array) => number>();
    expectTypeOf<typeof root.norm>().toEqualTypeOf<
      (x: Float32Array, offset?: number, n?: number) => number
    >();
    expectTypeOf<typeof root.normalizeInPlace>().toEqualTypeOf<
      (x: Float32Array, offset?: number, n?: number) => number
    >();
    expectTypeOf<typeof root.normalizeRows>().toEqualTypeOf<
      (matrix: Float32Array, rows: number, dim: number) => void
    >();
    expectTypeOf<typeof root.topK>().toEqualTypeOf<
      (scores: ArrayLike<number>, k: number, options?: root.TopKOptions) => root.TopKResult
    >();
    expectTypeOf<root.TopKResult>().toEqualTypeOf<{
      readonly indices: Int32Array;
      readonly scores: Float32Array;
    }>();
    expectTypeOf<typeof root.pearson>().toEqualTypeOf<
      (x: ArrayLike<number>, y: ArrayLike<number>) => number
    >();
    expectTypeOf<typeof root.spearman>().toEqualTypeOf<
      (x: ArrayLike<number>, y: ArrayLike<number>) => number
    >();
    expectTypeOf<typeof root.mean>().toEqualTypeOf<(values: ArrayLike<number>) => number>();
    expectTypeOf<typeof root.variance>().toEqualTypeOf<
      (values: ArrayLike<number>, ddof?: number) => number
    >();
    expectTypeOf<typeof root.rankAverage>().toEqualTypeOf<(values: ArrayLike<number>) => Float64Array>();
    expectTypeOf<typeof root.principalComponents>().toEqualTypeOf<
      (
        matrix: Float32Array,
        rows: number,
        dim: number,
        k: number,
        options?: root.PrincipalComponentsOptions,
      ) => Float32Array
    >();
    expectTypeOf<typeof root.orthogonalProcrustes>().toEqualTypeOf<
      (source: Float32Array, target: Float32Array, rows: number, dim: number) => Float64Array
    >();
    expectTypeOf<typeof root.solveTransport>().toEqualTypeOf<
      (supply: ArrayLike<number>, demand: ArrayLike<number>, costs: ArrayLike<number>) => root.TransportPlan
    >();
    expectTypeOf<typeof root.Random>().constructorParameters.toEqualTypeOf<[seed?: number]>();
    expectTypeOf<root.RandomState>().toEqualTypeOf<readonly [number, number, number, number]>();
  });
});

describe('@embedkit/core-math/kernels (experimental)', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof kernelsEntry>().toEqualTypeOf<
      | 'KernelModule'
      | 'NoiseDistribution'
      | 'SigmoidTable'
      | 'allocateFloat32'
      | 'allocateInt32'
      | 'attachKernels'
      | 'inKernelMemory'
      | 'kernelMemory'
      | 'kernels'
      | 'kernelsName'
      | 'releaseArray'
      | 'tsKernels'
      | 'useKernels'
      | 'wasmKernels'
      | 'wasmKernelsSupported'
    >();
  });

  test('kernel selection', () => {
    expectTypeOf<typeof kernelsEntry.kernels>().toEqualTypeOf<() => kernelsEntry.VectorKernels>();
    expectTypeOf<typeof kernelsEntry.useKernels>().toEqualTypeOf<
      (implementation: kernelsEntry.VectorKernels) => void
    >();
    expectTypeOf<typeof kernelsEntry.kernelsName>().toEqualTypeOf<() => string>();
    expectTypeOf<typeof kernelsEntry.allocateFloat32>().toEqualTypeOf<(length: number) => Float32Array>();
  });
});
