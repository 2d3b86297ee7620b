export type { CbowAlgorithmOptions, SkipGramAlgorithmOptions, Word2VecAlgorithm } from './algorithms.js';
export { word2vecCbow, word2vecSkipgram } from './algorithms.js';
export type {
  CbowOptions,
  RunSettings,
  SkipGramOptions,
  Word2VecCommonOptions,
  Word2VecOptions,
  Word2VecOptionsInput,
} from './options.js';
export {
  CBOW_DEFAULTS,
  MAX_DIM,
  SKIPGRAM_DEFAULTS,
  resolveRunSettings,
  resolveWord2VecOptions,
} from './options.js';
export type { ContinueTrainingOptions, TrainingReport } from './word2vec-model.js';
export { Word2VecModel, trainWord2Vec } from './word2vec-model.js';
export type { IdSequences } from './train-on-ids.js';
export { trainWord2VecOnIds } from './train-on-ids.js';
export type { StoredMatrix } from './model-file.js';
export { MODEL_MAGIC } from './model-file.js';
// The engine, for trainers that bring their own input encoder (fastText's subwords).
export type { EncodedSentences, EngineCorpus, EngineRun, EngineRunResult } from './run-engine.js';
export { PROGRESS_INTERVAL_MS, runEngine } from './run-engine.js';
export type {
  Architecture,
  EngineSetup,
  LearningRateSchedule,
  SentenceKernelParts,
  SharedCounters,
} from './training-state.js';
export {
  SYNC_WORDS,
  TrainingState,
  createSharedCounters,
  sentenceTablesFor,
  threadRandom,
} from './training-state.js';
export { trainSentences } from './engine.js';
export type {
  HierarchicalSoftmaxSetup,
  NegativeSamplingSetup,
  Objective,
  ObjectiveSetup,
  ObjectiveTools,
} from './objectives.js';
export { createObjective, validateObjective } from './objectives.js';
export type { HuffmanTree } from './huffman-tree.js';
export { buildHuffmanTree } from './huffman-tree.js';
export type { InputEncoder } from './input-encoder.js';
export { validateInputEncoder } from './input-encoder.js';
export { isShared, shareInt32Array, sharedFloat32Array } from './shared-arrays.js';
