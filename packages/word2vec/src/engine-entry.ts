/**
 * `@embedkit/word2vec/engine` — the word2vec training engine for trainers that bring their own
 * input encoder (fastText's subword rows): {@link runEngine} trains an {@link EngineSetup} (the
 * weight matrices, the objective and the encoder) on worker threads over an encoded corpus, with
 * the Huffman tree of hierarchical softmax, the run settings (threads, seed) and arrays the
 * workers share.
 *
 * @experimental The engine follows its two trainers (word2vec, fastText) and may change in a
 * minor release; to train word vectors, use `trainWord2Vec` from the package root.
 * @packageDocumentation
 */
export type { EncodedSentences, EngineCorpus, EngineRun, EngineRunResult } from './run-engine.js';
export { runEngine } from './run-engine.js';
export type { Architecture, EngineSetup, LearningRateSchedule } from './training-state.js';
export type { HierarchicalSoftmaxSetup, NegativeSamplingSetup, ObjectiveSetup } from './objectives.js';
export type { HuffmanTree } from './huffman-tree.js';
export { buildHuffmanTree } from './huffman-tree.js';
export type { InputEncoder } from './input-encoder.js';
export { validateInputEncoder } from './input-encoder.js';
export type { RunSettings } from './options.js';
export { resolveRunSettings } from './options.js';
export { shareInt32Array, sharedFloat32Array } from './shared-arrays.js';
export type { JobWorker, JobWorkerConstructor } from './training-job.js';
export { assertWebWorkers, runTrainingJob, serveTrainingJob } from './training-job.js';
