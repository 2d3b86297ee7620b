/**
 * @embedkit/word2vec — CBOW and skip-gram with negative sampling or hierarchical softmax, trained
 * on worker threads: `trainWord2Vec` and the `Word2VecModel` it returns (vectors, save / load,
 * continued training), the options and their defaults, and the two algorithms for the registry.
 * The training engine, for trainers that bring their own input rows (fastText's subwords), is in
 * `@embedkit/word2vec/engine`. In a page, `trainWord2VecInBrowser` trains in a Web Worker.
 */
export type { CbowAlgorithmOptions, SkipGramAlgorithmOptions, Word2VecAlgorithm } from './algorithms.js';
export { word2vecCbow, word2vecSkipgram } from './algorithms.js';
export type {
  CbowOptions,
  NegativeSharingInput,
  SkipGramOptions,
  Word2VecCommonOptions,
  Word2VecOptions,
  Word2VecOptionsInput,
} from './options.js';
export { CBOW_DEFAULTS, MAX_DIM, SKIPGRAM_DEFAULTS, resolveWord2VecOptions } from './options.js';
export type { ContinueTrainingOptions, TrainingReport } from './word2vec-model.js';
export { Word2VecModel, trainWord2Vec } from './word2vec-model.js';
export type { IdSequences } from './train-on-ids.js';
export { trainWord2VecOnIds } from './train-on-ids.js';
export type { BrowserWord2VecResult } from './train-in-browser.js';
export { trainWord2VecInBrowser } from './train-in-browser.js';
export type {
  BrowserCorpus,
  BrowserTrainContext,
  BrowserTrainingProgress,
  TrainingRuntime,
} from './training-job.js';
export type { NegativeSharing } from './objectives/negative-sampling.js';
