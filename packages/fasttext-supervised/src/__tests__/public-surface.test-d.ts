/**
 * The public surface of `@embedkit/fasttext-supervised`: the exact set of values the root exports
 * and the signatures users call. A deliberate change updates this file in the same commit.
 */
import type { TrainContext, TrainingCorpus } from '@embedkit/core-math';
import { describe, expectTypeOf, test } from 'vitest';
import type * as root from '../index.js';

describe('@embedkit/fasttext-supervised', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'DEFAULT_LABEL_PREFIX'
      | 'FastTextClassifier'
      | 'SUPERVISED_DEFAULTS'
      | 'SupervisedDictionary'
      | 'createLabelScorer'
      | 'fastTextLines'
      | 'fasttextSupervised'
      | 'formatPredictionLine'
      | 'formatTestLabelReport'
      | 'formatTestReport'
      | 'resolvePredictOptions'
      | 'resolveSupervisedOptions'
      | 'supervisedObjectives'
      | 'trainSupervised'
    >();
  });

  test('the calls users make', () => {
    expectTypeOf<typeof root.trainSupervised>().toEqualTypeOf<
      (
        corpus: TrainingCorpus,
        options?: Partial<root.SupervisedTrainOptions>,
        context?: TrainContext,
      ) => Promise<root.FastTextClassifier>
    >();
    expectTypeOf<root.FastTextClassifier['predict']>().toEqualTypeOf<
      (text: string, options?: root.PredictOptions) => root.Prediction[]
    >();
    expectTypeOf<root.FastTextClassifier['test']>().toEqualTypeOf<
      (text: string, options?: root.TestOptions) => root.ClassificationReport
    >();
  });
});
