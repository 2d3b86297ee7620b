export type { PoolingMethod, TextEmbedderOptions, TokenizerChoice, WordWeights } from './options.js';
export { POOLING_METHODS } from './options.js';
export type { OovPolicy } from './token-rows.js';
export type {
  EmbedStreamOptions,
  EmbeddingBatch,
  TextEmbedderRestoreOptions,
  TextEmbedderState,
  TextEmbedding,
} from './text-embedder.js';
export { TextEmbedder } from './text-embedder.js';
export type { WordFrequenciesState } from './word-frequencies.js';
export { WordFrequencies } from './word-frequencies.js';
export type { ReadWordFrequenciesOptions } from './word-frequencies-node.js';
export { readWordFrequencies } from './word-frequencies-node.js';
export type { DocumentFrequenciesState } from './document-frequencies.js';
export { DocumentFrequencies } from './document-frequencies.js';
export type { SearchHit, SearchOptions, SemanticDocument } from './semantic-index.js';
export { SemanticIndex } from './semantic-index.js';
export type { StsOptions, StsResult } from './sts-node.js';
export { evaluateSts, readSts } from './sts-node.js';
/** Re-exported from `@embedkit/similarity`, where the readers of every evaluation set live. */
export type { StsData, StsPair } from '@embedkit/similarity';
export { parseSts } from '@embedkit/similarity';
