/**
 * @embedkit/core-math — the contracts every package shares (`Embedder`, `WordVectors`,
 * `EmbeddingAlgorithm` and its registry), the typed errors, a seeded random source, and the vector
 * maths users call: cosine, norms, top-k, statistics, principal components, orthogonal Procrustes. The numeric kernels
 * the trainers run on (TypeScript and WebAssembly) are in `@embedkit/core-math/kernels`.
 */
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
export type { RandomState } from './random.js';
export { Random } from './random.js';
export { cosine, norm, normalizeInPlace, normalizeRows } from './vector-ops.js';
export type { TopKOptions, TopKResult } from './top-k.js';
export { topK } from './top-k.js';
export { mean, pearson, rankAverage, spearman, variance } from './statistics.js';
export type { PrincipalComponentsOptions } from './principal-components.js';
export { principalComponents } from './principal-components.js';
export { orthogonalProcrustes } from './orthogonal-procrustes.js';
export type { TransportPlan } from './transport.js';
export { solveTransport } from './transport.js';
export type { SavableModel, SaveOptions } from './savable-model.js';
export { isSavableModel } from './savable-model.js';
