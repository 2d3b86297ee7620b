/**
 * The public surface of `@embedkit/algorithms`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type {
  AlgorithmRegistry,
  EmbeddingAlgorithm,
  TrainContext,
  TrainingCorpus,
  WordVectors,
} from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as browser from '../browser.js';
import type * as root from '../index.js';

describe('@embedkit/algorithms', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'checkOptions'
      | 'createBrowserRegistry'
      | 'createRegistry'
      | 'loadModel'
      | 'loadPlugin'
      | 'ppmiSvd'
      | 'trainPpmiSvd'
    >();
  });

  test('the browser entry leaves out the registry with Node-only trainers and the file functions', () => {
    expectTypeOf<keyof typeof browser>().toEqualTypeOf<
      Exclude<keyof typeof root, 'createRegistry' | 'loadModel' | 'loadPlugin'>
    >();
    expectTypeOf<typeof browser.createBrowserRegistry>().toEqualTypeOf<() => AlgorithmRegistry>();
  });

  test('signatures', () => {
    expectTypeOf<typeof root.createRegistry>().toEqualTypeOf<
      (plugins?: readonly string[]) => Promise<AlgorithmRegistry>
    >();
    expectTypeOf<typeof root.loadPlugin>().toEqualTypeOf<
      (path: string, registry: AlgorithmRegistry) => Promise<string[]>
    >();
    expectTypeOf<typeof root.loadModel>().toEqualTypeOf<
      (path: string, options?: root.LoadModelOptions) => Promise<root.LoadedModel>
    >();
    expectTypeOf<root.LoadedModel['vectors']>().toEqualTypeOf<WordVectors>();
    expectTypeOf<typeof root.checkOptions>().toEqualTypeOf<
      (algorithm: EmbeddingAlgorithm<object>, options: Readonly<Record<string, unknown>>) => void
    >();
    expectTypeOf<typeof root.trainPpmiSvd>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        partial?: Partial<root.PpmiSvdOptions>,
        context?: TrainContext,
      ) => Promise<WordVectors>
    >();
    expectTypeOf<typeof root.ppmiSvd>().toExtend<EmbeddingAlgorithm<root.PpmiSvdOptions>>();
  });
});
