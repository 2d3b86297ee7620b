export type { BenchHooks } from './bench.js';
export { runBench } from './bench.js';
export type { BenchOptions } from './options.js';
export {
  DEFAULT_ALGOS,
  DEFAULT_COMMON,
  DEFAULT_PROBE_WORDS,
  DEFAULT_SETTINGS,
  parseOverride,
} from './options.js';
export { renderMarkdown } from './report-markdown.js';
export { renderSvg } from './report-svg.js';
export type {
  AnalogyResult,
  BenchReport,
  Evaluation,
  ModelRow,
  SimilarityResult,
  StsResult,
  WordMap,
} from './results.js';
