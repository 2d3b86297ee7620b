import {
  ConfigError,
  type EmbeddingAlgorithm,
  type TrainContext,
  type TrainingCorpus,
} from '@embedkit/core-math';
import type { FastTextModel } from './fasttext-model.js';
import { trainFastText } from './train-fasttext.js';
import { FASTTEXT_DEFAULTS, type FastTextTrainOptions } from './train-options.js';

/** Options of {@link fasttextSkipgram} and {@link fasttextCbow}: every training option but `model`. */
export type FastTextAlgorithmOptions = Omit<FastTextTrainOptions, 'model'>;

/** A fastText {@link EmbeddingAlgorithm} whose `train` resolves to a {@link FastTextModel}. */
export interface FastTextAlgorithm extends EmbeddingAlgorithm<FastTextAlgorithmOptions> {
  /** Trains on `corpus` (see {@link trainFastText}). */
  train(
    corpus: TrainingCorpus,
    options: Partial<FastTextAlgorithmOptions>,
    context?: TrainContext,
  ): Promise<FastTextModel>;
}

function algorithm(model: 'skipgram' | 'cbow', id: string, description: string): FastTextAlgorithm {
  return {
    id,
    description,
    defaults: FASTTEXT_DEFAULTS,
    modelFormats: ['fasttext-bin'],
    async train(corpus, options, context) {
      const given = (options as { model?: unknown }).model;
      if (given !== undefined && given !== model)
        throw new ConfigError('model', given, `"${model}" (or no model option)`);
      return trainFastText(corpus, { ...options, model }, context);
    },
  };
}

/**
 * fastText skip-gram with character n-gram subwords as a registrable algorithm (id
 * `fasttext-skipgram`); `train` returns a {@link FastTextModel}, which also embeds unseen words.
 */
export const fasttextSkipgram: FastTextAlgorithm = algorithm(
  'skipgram',
  'fasttext-skipgram',
  'fastText skip-gram with character n-gram subwords (Bojanowski et al. 2017): vectors for unseen words too',
);

/**
 * fastText CBOW with character n-gram subwords as a registrable algorithm (id `fasttext-cbow`);
 * `train` returns a {@link FastTextModel}.
 */
export const fasttextCbow: FastTextAlgorithm = algorithm(
  'cbow',
  'fasttext-cbow',
  'fastText CBOW with character n-gram subwords (Bojanowski et al. 2017): vectors for unseen words too',
);
