/**
 * The public surface of `@embedkit/similarity`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import type { WordVectors } from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as root from '../index.js';

describe('@embedkit/similarity', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'ExactIndex'
      | 'WmdIndex'
      | 'closerThan'
      | 'cosineSimilarities'
      | 'cosineSimilarity'
      | 'distance'
      | 'distances'
      | 'doesntMatch'
      | 'dotProduct'
      | 'dotProducts'
      | 'euclideanDistance'
      | 'euclideanDistances'
      | 'evaluateWordAnalogies'
      | 'evaluateWordPairs'
      | 'getMeanVector'
      | 'manhattanDistance'
      | 'manhattanDistances'
      | 'mostSimilar'
      | 'mostSimilarCosmul'
      | 'mostSimilarToGiven'
      | 'nSimilarity'
      | 'parseAnalogies'
      | 'parseSts'
      | 'parseWordPairs'
      | 'rank'
      | 'rankByCentrality'
      | 'relativeCosineSimilarity'
      | 'relaxedWmDistance'
      | 'similarity'
      | 'wmDistance'
    >();
  });

  test('signatures', () => {
    type PairMetric = (a: Float32Array, b: Float32Array) => number;
    type RowMetric = (vectors: WordVectors, query: Float32Array) => Float32Array;
    expectTypeOf<typeof root.cosineSimilarity>().toEqualTypeOf<PairMetric>();
    expectTypeOf<typeof root.dotProduct>().toEqualTypeOf<PairMetric>();
    expectTypeOf<typeof root.euclideanDistance>().toEqualTypeOf<PairMetric>();
    expectTypeOf<typeof root.manhattanDistance>().toEqualTypeOf<PairMetric>();
    expectTypeOf<typeof root.cosineSimilarities>().toEqualTypeOf<RowMetric>();
    expectTypeOf<typeof root.dotProducts>().toEqualTypeOf<RowMetric>();
    expectTypeOf<typeof root.euclideanDistances>().toEqualTypeOf<RowMetric>();
    expectTypeOf<typeof root.manhattanDistances>().toEqualTypeOf<RowMetric>();
    expectTypeOf<typeof root.mostSimilar>().toEqualTypeOf<
      (vectors: WordVectors, options: root.MostSimilarOptions) => root.Neighbor[]
    >();
    expectTypeOf<typeof root.mostSimilarCosmul>().toEqualTypeOf<
      (vectors: WordVectors, options: root.MostSimilarOptions) => root.Neighbor[]
    >();
    expectTypeOf<typeof root.ExactIndex>().constructorParameters.toEqualTypeOf<[vectors: WordVectors]>();
    expectTypeOf<typeof root.evaluateWordAnalogies>().toEqualTypeOf<
      (
        vectors: WordVectors,
        pathOrText: string,
        options?: root.EvaluateAnalogiesOptions,
      ) => Promise<root.AnalogyEvaluation>
    >();
    expectTypeOf<typeof root.evaluateWordPairs>().toEqualTypeOf<
      (
        vectors: WordVectors,
        pathOrText: string,
        options?: root.EvaluateWordPairsOptions,
      ) => Promise<root.WordPairsEvaluation>
    >();
    expectTypeOf<typeof root.parseAnalogies>().toEqualTypeOf<
      (text: string, file: string) => root.ParsedAnalogies
    >();
    expectTypeOf<typeof root.parseWordPairs>().toEqualTypeOf<
      (text: string, delimiter: string, file?: string) => root.ParsedWordPairs
    >();
  });
});
