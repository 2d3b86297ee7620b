export type { DataFileInfo, DatasetSource } from './data-file.js';
export { DATA_DIR, DataFile, cacheDir } from './data-file.js';
export {
  AnalogySet,
  SimilaritySet,
  StsSplit,
  allDataFiles,
  analogySets,
  corpora,
  dataFile,
  similaritySets,
  stsBenchmark,
  wordFrequencies,
} from './catalog.js';
