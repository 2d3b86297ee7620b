/**
 * The public surface of `@embedkit/word2vec` and `@embedkit/word2vec/engine`: the exact set of
 * values each entry exports and the signatures users call. An export added, removed or changed by
 * accident fails here; a deliberate change updates this file in the same commit.
 */
import type {
  EmbeddingAlgorithm,
  Embedder,
  TrainContext,
  TrainingCorpus,
  WordVectors,
} from '@embedkit/core-math';
import type { Vocabulary } from '@embedkit/corpus';
import type { VectorFormat } from '@embedkit/vector-io';
import { describe, expectTypeOf, test } from 'vitest';
import type * as engine from '../engine-entry.js';
import type * as root from '../index.js';

describe('@embedkit/word2vec', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'CBOW_DEFAULTS'
      | 'MAX_DIM'
      | 'SKIPGRAM_DEFAULTS'
      | 'Word2VecModel'
      | 'resolveWord2VecOptions'
      | 'trainWord2Vec'
      | 'trainWord2VecInBrowser'
      | 'trainWord2VecOnIds'
      | 'word2vecCbow'
      | 'word2vecSkipgram'
    >();
  });

  test('training in a page, in a Web Worker', () => {
    expectTypeOf<typeof root.trainWord2VecInBrowser>().toEqualTypeOf<
      (
        corpus: root.BrowserCorpus,
        options: root.Word2VecOptionsInput,
        context?: root.BrowserTrainContext,
      ) => Promise<root.BrowserWord2VecResult>
    >();
    expectTypeOf<root.TrainingRuntime['kernels']>().toEqualTypeOf<'wasm-simd' | 'typescript'>();
    expectTypeOf<root.BrowserTrainingProgress['runtime']>().toEqualTypeOf<root.TrainingRuntime>();
  });

  test('training and the model', () => {
    expectTypeOf<typeof root.trainWord2Vec>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        options?: root.Word2VecOptionsInput,
        context?: TrainContext,
      ) => Promise<root.Word2VecModel>
    >();
    expectTypeOf<root.Word2VecModel>().toExtend<Embedder>();
    expectTypeOf<root.Word2VecModel['wordVectors']>().toEqualTypeOf<WordVectors>();
    expectTypeOf<root.Word2VecModel['vocabulary']>().toEqualTypeOf<Vocabulary>();
    expectTypeOf<root.Word2VecModel['train']>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        options?: root.ContinueTrainingOptions,
        context?: TrainContext,
      ) => Promise<root.TrainingReport>
    >();
    expectTypeOf<root.Word2VecModel['save']>().toEqualTypeOf<(path: string) => Promise<void>>();
    expectTypeOf<root.Word2VecModel['saveVectors']>().toEqualTypeOf<
      (path: string, format?: VectorFormat) => Promise<void>
    >();
    expectTypeOf<typeof root.Word2VecModel.load>().toEqualTypeOf<
      (path: string) => Promise<root.Word2VecModel>
    >();
    expectTypeOf<root.ContinueTrainingOptions>().toEqualTypeOf<{
      readonly epochs?: number;
      readonly lr?: number;
      readonly minLr?: number;
    }>();
    expectTypeOf<root.TrainingReport>().toEqualTypeOf<{
      readonly words: number;
      readonly seconds: number;
      readonly loss: number;
    }>();
  });

  test('options: a union on model, with defaults per architecture', () => {
    expectTypeOf<root.Word2VecOptions>().toEqualTypeOf<root.SkipGramOptions | root.CbowOptions>();
    expectTypeOf<root.SkipGramOptions['model']>().toEqualTypeOf<'skipgram'>();
    expectTypeOf<root.CbowOptions['model']>().toEqualTypeOf<'cbow'>();
    expectTypeOf<root.Word2VecCommonOptions>().toEqualTypeOf<{
      readonly dim: number;
      readonly window: number;
      readonly minCount: number;
      readonly maxVocab: number | undefined;
      readonly sample: number;
      readonly lr: number;
      readonly minLr: number;
      readonly epochs: number;
      readonly negative: number;
      readonly hs: boolean;
      readonly maxSentenceLength: number;
      readonly maxInMemoryTokens: number;
      readonly spill: boolean;
      readonly tmpDir: string | undefined;
    }>();
    expectTypeOf<typeof root.resolveWord2VecOptions>().toEqualTypeOf<
      (input?: root.Word2VecOptionsInput) => root.Word2VecOptions
    >();
    expectTypeOf<typeof root.SKIPGRAM_DEFAULTS>().toEqualTypeOf<Readonly<root.SkipGramAlgorithmOptions>>();
    // A caller may give 'auto'; resolved options hold what it became.
    expectTypeOf<root.SkipGramAlgorithmOptions['negativeSharing']>().toEqualTypeOf<
      'auto' | 'none' | 'window' | 'block'
    >();
    expectTypeOf<root.SkipGramOptions['negativeSharing']>().toEqualTypeOf<'none' | 'window' | 'block'>();
    expectTypeOf<typeof root.CBOW_DEFAULTS>().toEqualTypeOf<Readonly<root.CbowAlgorithmOptions>>();
    expectTypeOf<typeof root.MAX_DIM>().toEqualTypeOf<10_000>();
  });

  test('the algorithms for the registry return the model', () => {
    expectTypeOf<typeof root.word2vecSkipgram>().toExtend<
      EmbeddingAlgorithm<root.SkipGramAlgorithmOptions>
    >();
    expectTypeOf<typeof root.word2vecCbow>().toExtend<EmbeddingAlgorithm<root.CbowAlgorithmOptions>>();
    expectTypeOf<ReturnType<root.Word2VecAlgorithm<root.CbowAlgorithmOptions>['train']>>().toEqualTypeOf<
      Promise<root.Word2VecModel>
    >();
  });
});

describe('@embedkit/word2vec/engine (experimental)', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof engine>().toEqualTypeOf<
      | 'OBJECTIVES'
      | 'assertWebWorkers'
      | 'buildHuffmanTree'
      | 'createObjective'
      | 'descriptorOf'
      | 'hierarchicalSoftmax'
      | 'lossOf'
      | 'mapObjectiveMatrices'
      | 'negativeSampling'
      | 'objectiveMatrices'
      | 'objectivesForOptions'
      | 'oneVsAll'
      | 'resolveRunSettings'
      | 'runEngine'
      | 'runsInWasm'
      | 'runTrainingJob'
      | 'serveTrainingJob'
      | 'shareInt32Array'
      | 'sharedFloat32Array'
      | 'softmax'
      | 'softmaxProbabilities'
      | 'validateInputEncoder'
      | 'validateObjectives'
      | 'withPrestartedWorkers'
    >();
  });

  test('an objective trains one example with all its positive targets', () => {
    expectTypeOf<engine.Objective['update']>().toEqualTypeOf<
      (
        hidden: Float32Array,
        hiddenOffset: number,
        targets: Int32Array,
        targetCount: number,
        targetIndex: number,
        lr: number,
        gradient: Float32Array,
      ) => number
    >();
    expectTypeOf<engine.EngineSetup['objectives']>().toEqualTypeOf<engine.ObjectiveSetup>();
    expectTypeOf<engine.ObjectiveConfig['kind']>().toEqualTypeOf<
      'negative-sampling' | 'hierarchical-softmax' | 'softmax' | 'one-vs-all'
    >();
  });

  test('runEngine trains a setup over an encoded corpus', () => {
    expectTypeOf<typeof engine.runEngine>().toEqualTypeOf<
      (run: engine.EngineRun) => Promise<engine.EngineRunResult>
    >();
    expectTypeOf<engine.EngineRun['setup']>().toEqualTypeOf<engine.EngineSetup>();
    expectTypeOf<engine.EngineRun['corpus']>().toEqualTypeOf<engine.EngineCorpus>();
    expectTypeOf<engine.InputEncoder>().toEqualTypeOf<{
      readonly offsets: Int32Array;
      readonly rows: Int32Array;
    }>();
  });
});
