export { glove } from './glove-algorithm.js';
export { trainGlove } from './train-glove.js';
export type { GloveTrainingSummary } from './glove-model.js';
export { GloveModel } from './glove-model.js';
export type {
  CooccurrenceOptions,
  GloveOptions,
  GloveOutput,
  ResolvedCooccurrenceOptions,
  ResolvedGloveOptions,
} from './options.js';
export { GLOVE_DEFAULTS, resolveCooccurrenceOptions, resolveGloveOptions } from './options.js';
export type { CountCooccurrencesOptions } from './count-cooccurrences.js';
export { countCooccurrences } from './count-cooccurrences.js';
export type { CooccurrenceStats } from './cooccurrence-matrix.js';
export { CooccurrenceMatrix } from './cooccurrence-matrix.js';
export { readGloveVocabulary, writeGloveVocabulary } from './vocabulary-file.js';
