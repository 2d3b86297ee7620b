import type { EmbeddingAlgorithm, TrainContext, TrainingCorpus } from '@embedkit/core-math';
import type { FastTextClassifier } from './fasttext-classifier.js';
import { SUPERVISED_DEFAULTS, type SupervisedTrainOptions } from './supervised-options.js';
import { trainSupervised } from './train-supervised.js';

/** fastText supervised classification as an {@link EmbeddingAlgorithm} whose `train` resolves to a {@link FastTextClassifier}. */
export interface FastTextSupervisedAlgorithm extends EmbeddingAlgorithm<SupervisedTrainOptions> {
  /** Trains on labelled lines (see {@link trainSupervised}). */
  train(
    corpus: TrainingCorpus,
    options: Partial<SupervisedTrainOptions>,
    context?: TrainContext,
  ): Promise<FastTextClassifier>;
}

/**
 * fastText supervised text classification (Joulin et al. 2017) as a registrable algorithm (id
 * `fasttext-supervised`): the corpus is labelled lines (`__label__spam some text`), `train`
 * returns a {@link FastTextClassifier}, saved as a fastText `.bin` that `fasttext predict` loads.
 */
export const fasttextSupervised: FastTextSupervisedAlgorithm = {
  id: 'fasttext-supervised',
  description:
    'fastText supervised text classification (Joulin et al. 2017): labelled lines, word n-grams, softmax/ns/hs/ova',
  defaults: SUPERVISED_DEFAULTS,
  modelFormats: ['fasttext-bin'],
  train: trainSupervised,
};
