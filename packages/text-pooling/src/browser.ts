/**
 * The entry of the `browser` export condition: everything `index.ts` exports except the functions
 * that read files (`readWordFrequencies`, `readSts`, `evaluateSts`; in a page, `parseSts` takes an
 * STS file's text).
 */
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
export type { DocumentFrequenciesState } from './document-frequencies.js';
export { DocumentFrequencies } from './document-frequencies.js';
export type { SearchHit, SearchOptions, SemanticDocument } from './semantic-index.js';
export { SemanticIndex } from './semantic-index.js';
/** Re-exported from `@embedkit/similarity`, where the readers of every evaluation set live. */
export type { StsData, StsPair } from '@embedkit/similarity';
export { parseSts } from '@embedkit/similarity';
