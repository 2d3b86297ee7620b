export { Graph, GraphBuilder } from './graph.js';
export type { EdgeListOptions, EdgeRow } from './edge-list.js';
export { graphFromEdges, readEdgeList, writeEdgeList } from './edge-list.js';
export { readNodeLabels } from './node-labels.js';
export type { WalkOptions, WalkSampler, Walks } from './walks.js';
export { WALK_DEFAULTS, generateWalks, resolveWalkOptions } from './walks.js';
export { MAX_SECOND_ORDER_ENTRIES } from './walk-tables.js';
export type { NodeEmbeddingOptions } from './node-embeddings.js';
export { NODE_EMBEDDING_DEFAULTS, trainNodeEmbeddings } from './node-embeddings.js';
export type { EncodedSequences } from './item-sequences.js';
export { encodeSequences, trainItemEmbeddings } from './item-sequences.js';
export type { DeepWalkAlgorithmOptions, GraphAlgorithm, Node2VecAlgorithmOptions } from './algorithms.js';
export { deepwalk, node2vec } from './algorithms.js';
export type { LabelledGraph, StochasticBlockModelOptions } from './stochastic-block-model.js';
export { stochasticBlockModel } from './stochastic-block-model.js';
export type { LogisticModel, LogisticRegressionOptions } from './evaluation/logistic-regression.js';
export { logisticScore, trainLogisticRegression } from './evaluation/logistic-regression.js';
export type { F1Scores } from './evaluation/metrics.js';
export { f1Scores, rocAuc } from './evaluation/metrics.js';
export type {
  LabelledPairs,
  LinkPredictionOptions,
  LinkPredictionScores,
  LinkSplit,
  SplitOptions,
} from './evaluation/link-prediction.js';
export { evaluateLinkPrediction, redrawPairs, splitEdges } from './evaluation/link-prediction.js';
export type {
  NodeClassificationOptions,
  NodeClassificationScores,
} from './evaluation/node-classification.js';
export { evaluateNodeClassification } from './evaluation/node-classification.js';
