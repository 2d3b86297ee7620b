export {
  cosineSimilarities,
  cosineSimilarity,
  dotProduct,
  dotProducts,
  euclideanDistance,
  euclideanDistances,
  manhattanDistance,
  manhattanDistances,
} from './metrics.js';
export type { NearestOptions, Query } from './exact-index.js';
export { ExactIndex } from './exact-index.js';
export type { Neighbor } from './term-search.js';
export type { AnalogyMethod } from './term-scorer.js';
export type { MostSimilarOptions } from './most-similar.js';
export { mostSimilar, mostSimilarCosmul } from './most-similar.js';
export type {
  AnalogyEvaluation,
  AnalogySectionResult,
  EvaluateAnalogiesOptions,
} from './evaluate-analogies.js';
export { evaluateWordAnalogies } from './evaluate-analogies.js';
export type { EvaluateWordPairsOptions, WordPairsEvaluation } from './evaluate-word-pairs.js';
export { evaluateWordPairs } from './evaluate-word-pairs.js';
export type { AnalogyQuestion, AnalogySectionQuestions, ParsedAnalogies } from './analogy-file.js';
export { parseAnalogies } from './analogy-file.js';
export type { ParsedWordPairs, WordPair } from './word-pairs-file.js';
export { parseWordPairs } from './word-pairs-file.js';
export type { StsData, StsPair } from './sts-file.js';
export { parseSts } from './sts-file.js';
export {
  distance,
  distances,
  mostSimilarToGiven,
  relativeCosineSimilarity,
  similarity,
} from './word-similarity.js';
export { closerThan, rank } from './closer-than.js';
export type { MeanVectorOptions } from './mean-vector.js';
export { getMeanVector, nSimilarity } from './mean-vector.js';
export type { CentralWord } from './centrality.js';
export { doesntMatch, rankByCentrality } from './centrality.js';
export type { WmdOptions } from './word-movers-distance.js';
export { relaxedWmDistance, wmDistance } from './word-movers-distance.js';
export type { WmdMatch, WmdSearchResult } from './wmd-index.js';
export { WmdIndex } from './wmd-index.js';
