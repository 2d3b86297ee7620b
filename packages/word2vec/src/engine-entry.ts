/**
 * `@embedkit/word2vec/engine` — the word2vec training engine for trainers that bring their own
 * input encoder (fastText's subword rows) or their own objective: {@link runEngine} trains an
 * {@link EngineSetup} (the input weights, the objectives and the encoder) on worker threads over an encoded corpus, with
 * the objective descriptors (negative sampling, hierarchical softmax, softmax, one-vs-all: see
 * docs/engine.md), the Huffman tree of hierarchical softmax, the run settings (threads, seed) and
 * arrays the workers share.
 *
 * @experimental The engine follows its two trainers (word2vec, fastText) and may change in a
 * minor release; to train word vectors, use `trainWord2Vec` from the package root.
 * @packageDocumentation
 */
export type { EncodedSentences, EngineCorpus, EngineRun, EngineRunResult } from './run-engine.js';
export { runEngine } from './run-engine.js';
export { withPrestartedWorkers } from './training-worker-pool.js';
export type { Architecture, EngineSetup, LearningRateSchedule } from './training-state.js';
export type {
  Objective,
  ObjectiveDescriptor,
  ObjectiveMatrix,
  ObjectiveTableField,
  ObjectiveTools,
  ObjectiveWasm,
  SentenceTablePacker,
} from './objectives/objective.js';
export type { NegativeSamplingConfig, NegativeSharing } from './objectives/negative-sampling.js';
export { negativeSampling } from './objectives/negative-sampling.js';
export type { HierarchicalSoftmaxConfig } from './objectives/hierarchical-softmax.js';
export { hierarchicalSoftmax } from './objectives/hierarchical-softmax.js';
export type { SoftmaxConfig } from './objectives/softmax.js';
export { lossOf, softmax, softmaxProbabilities } from './objectives/softmax.js';
export type { OneVsAllConfig } from './objectives/one-vs-all.js';
export { oneVsAll } from './objectives/one-vs-all.js';
export type { ObjectiveConfig, ObjectiveSetup } from './objectives/registry.js';
export {
  OBJECTIVES,
  createObjective,
  descriptorOf,
  mapObjectiveMatrices,
  objectiveMatrices,
  runsInWasm,
  validateObjectives,
} from './objectives/registry.js';
export { objectivesForOptions } from './options-objectives.js';
export type { HuffmanTree } from './huffman-tree.js';
export { buildHuffmanTree } from './huffman-tree.js';
export type { InputEncoder } from './input-encoder.js';
export { validateInputEncoder } from './input-encoder.js';
export type { RunSettings } from './options.js';
export { resolveRunSettings } from './options.js';
export { shareInt32Array, sharedFloat32Array } from './shared-arrays.js';
export type { JobWorker, JobWorkerConstructor } from './training-job.js';
export { assertWebWorkers, runTrainingJob, serveTrainingJob } from './training-job.js';
