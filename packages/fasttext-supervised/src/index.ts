export type { EncodedLine, SupervisedDictionaryParts } from './supervised-dictionary.js';
export { SupervisedDictionary } from './supervised-dictionary.js';
export { fastTextLines } from './fasttext-lines.js';
export type { LabelScore, LossWeights, SupervisedLoss } from './supervised-losses.js';
export { createSupervisedLoss } from './supervised-losses.js';
export type { ClassificationReport, LabelMetrics } from './classification-test.js';
export type { Prediction, PredictOptions, TestOptions } from './fasttext-classifier.js';
export { DEFAULT_LABEL_PREFIX, FastTextClassifier, resolvePredictOptions } from './fasttext-classifier.js';
export { formatPredictionLine, formatTestLabelReport, formatTestReport } from './fasttext-output.js';
