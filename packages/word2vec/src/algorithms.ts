import { ConfigError, type EmbeddingAlgorithm } from '@embedkit/core-math';
import { CBOW_DEFAULTS, type CbowOptions, SKIPGRAM_DEFAULTS, type SkipGramOptions } from './options.js';
import { type Word2VecModel, trainWord2Vec } from './word2vec-model.js';

function assertModel(options: object, model: 'skipgram' | 'cbow'): void {
  const given = (options as { model?: unknown }).model;
  if (given !== undefined && given !== model)
    throw new ConfigError('model', given, `"${model}" (or no model option)`);
}

/** Options of {@link word2vecSkipgram}: every skip-gram option but `model`. */
export type SkipGramAlgorithmOptions = Omit<SkipGramOptions, 'model'>;

/** Options of {@link word2vecCbow}: every CBOW option but `model`. */
export type CbowAlgorithmOptions = Omit<CbowOptions, 'model'>;

/**
 * word2vec skip-gram as a registrable algorithm (id `word2vec-skipgram`); `train` returns a
 * {@link Word2VecModel}.
 */
export const word2vecSkipgram: EmbeddingAlgorithm<SkipGramAlgorithmOptions> & {
  train(...args: Parameters<EmbeddingAlgorithm<SkipGramAlgorithmOptions>['train']>): Promise<Word2VecModel>;
} = {
  id: 'word2vec-skipgram',
  description:
    'word2vec skip-gram with negative sampling and/or hierarchical softmax (Mikolov et al. 2013), multi-threaded',
  defaults: SKIPGRAM_DEFAULTS,
  train(corpus, options, context) {
    assertModel(options, 'skipgram');
    return trainWord2Vec(corpus, { ...options, model: 'skipgram' }, context);
  },
};

/**
 * word2vec CBOW as a registrable algorithm (id `word2vec-cbow`); `train` returns a
 * {@link Word2VecModel}.
 */
export const word2vecCbow: EmbeddingAlgorithm<CbowAlgorithmOptions> & {
  train(...args: Parameters<EmbeddingAlgorithm<CbowAlgorithmOptions>['train']>): Promise<Word2VecModel>;
} = {
  id: 'word2vec-cbow',
  description:
    'word2vec continuous bag of words with negative sampling and/or hierarchical softmax (Mikolov et al. 2013), multi-threaded',
  defaults: CBOW_DEFAULTS,
  train(corpus, options, context) {
    assertModel(options, 'cbow');
    return trainWord2Vec(corpus, { ...options, model: 'cbow' }, context);
  },
};
