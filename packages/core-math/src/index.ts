export type { Embedder } from './embedder.js';
export { isEmbedder } from './embedder.js';
export { WordVectors } from './word-vectors.js';
export type {
  CommonTrainOptions,
  EmbeddingAlgorithm,
  TrainContext,
  TrainingCorpus,
  TrainingProgress,
} from './algorithm.js';
export { AlgorithmRegistry, isEmbeddingAlgorithm } from './algorithm.js';
export type { EmbeddingErrorCode, FileLocation } from './errors.js';
export {
  CancelledError,
  ConfigError,
  DimensionMismatchError,
  EmbeddingError,
  EmptyVocabularyError,
  FormatError,
  IoError,
  KeyNotFoundError,
  NumericError,
  isEmbeddingError,
  throwIfAborted,
} from './errors.js';
export type { OpenedRegularFile } from './regular-file.js';
export { openRegularFile } from './regular-file.js';
export type { VectorKernels } from './kernels.js';
export { tsKernels } from './kernels.js';
export {
  attachKernels,
  kernelMemory,
  kernels,
  kernelsName,
  useKernels,
  wasmKernels,
} from './kernel-selection.js';
export { allocateFloat32, allocateInt32, inKernelMemory, releaseArray } from './kernel-arrays.js';
export type { KernelMemory } from './wasm-runtime.js';
export { wasmKernelsSupported } from './wasm-runtime.js';
export type { RandomState } from './random.js';
export { Random } from './random.js';
export { SigmoidTable } from './sigmoid-table.js';
export { NoiseDistribution } from './noise-distribution.js';
export type { SentenceKernelSetup, SentenceTables } from './sentence-kernel.js';
export { SentenceKernel, createSentenceTables, createSentenceWorkspace } from './sentence-kernel.js';
export type { GloveKernelSetup } from './glove-kernel.js';
export { GLOVE_ENTRY_SLOTS, GloveKernel } from './glove-kernel.js';
export { cosine, norm, normalizeInPlace, normalizeRows } from './vector-ops.js';
export type { TopKOptions, TopKResult } from './top-k.js';
export { topK } from './top-k.js';
export { mean, pearson, rankAverage, spearman, variance } from './statistics.js';
export type { PrincipalComponentsOptions } from './principal-components.js';
export { principalComponents } from './principal-components.js';
export type { TransportPlan } from './transport.js';
export { solveTransport } from './transport.js';
export type { SavableModel, SaveOptions } from './savable-model.js';
export { isSavableModel } from './savable-model.js';
