import {
  ConfigError,
  type EmbeddingAlgorithm,
  type TrainContext,
  type TrainingCorpus,
} from '@embedkit/core-math';
import {
  CBOW_DEFAULTS,
  type CbowOptions,
  type NegativeSharingInput,
  SKIPGRAM_DEFAULTS,
  type SkipGramOptions,
} from './options.js';
import { type Word2VecModel, trainWord2Vec } from './word2vec-model.js';

function assertModel(options: object, model: 'skipgram' | 'cbow'): void {
  const given = (options as { model?: unknown }).model;
  if (given !== undefined && given !== model)
    throw new ConfigError('model', given, `"${model}" (or no model option)`);
}

/** An {@link EmbeddingAlgorithm} whose `train` resolves to a {@link Word2VecModel}. */
export interface Word2VecAlgorithm<Options extends object> extends EmbeddingAlgorithm<Options> {
  /** Trains on `corpus`; see {@link trainWord2Vec}. */
  train(corpus: TrainingCorpus, options: Partial<Options>, context?: TrainContext): Promise<Word2VecModel>;
}

/**
 * Options of {@link word2vecSkipgram}: every skip-gram option but `model`, `negativeSharing` as a
 * caller gives it (`'auto'` included).
 */
export type SkipGramAlgorithmOptions = Omit<SkipGramOptions, 'model' | 'negativeSharing'> & {
  readonly negativeSharing: NegativeSharingInput;
};

/** Options of {@link word2vecCbow}: every CBOW option but `model`. */
export type CbowAlgorithmOptions = Omit<CbowOptions, 'model'>;

/**
 * word2vec skip-gram as a registrable algorithm (id `word2vec-skipgram`); `train` returns a
 * {@link Word2VecModel}.
 */
export const word2vecSkipgram: Word2VecAlgorithm<SkipGramAlgorithmOptions> = {
  id: 'word2vec-skipgram',
  description:
    'word2vec skip-gram with negative sampling and/or hierarchical softmax (Mikolov et al. 2013), multi-threaded',
  defaults: SKIPGRAM_DEFAULTS,
  async train(corpus, options, context) {
    assertModel(options, 'skipgram');
    return trainWord2Vec(corpus, { ...options, model: 'skipgram' }, context);
  },
};

/**
 * word2vec CBOW as a registrable algorithm (id `word2vec-cbow`); `train` returns a
 * {@link Word2VecModel}.
 */
export const word2vecCbow: Word2VecAlgorithm<CbowAlgorithmOptions> = {
  id: 'word2vec-cbow',
  description:
    'word2vec continuous bag of words with negative sampling and/or hierarchical softmax (Mikolov et al. 2013), multi-threaded',
  defaults: CBOW_DEFAULTS,
  async train(corpus, options, context) {
    assertModel(options, 'cbow');
    return trainWord2Vec(corpus, { ...options, model: 'cbow' }, context);
  },
};
