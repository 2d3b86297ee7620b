/**
 * The entry of the `browser` export condition: the options and co-occurrence counting in memory
 * (`countCooccurrences` over sentences of tokens; a count that outgrows the `memory` budget stops
 * with a `ConfigError`, as a page has no temporary files to spill to). Left out: training
 * (`trainGlove`, `glove`, `GloveModel`), which runs on `node:worker_threads`, and the vocabulary
 * files (`readGloveVocabulary`, `writeGloveVocabulary`).
 */
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
