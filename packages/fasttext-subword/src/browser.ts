/**
 * The entry of the `browser` export condition: models, subwords, the `.bin` format from bytes
 * (`parseFastTextBin`, `serializeFastTextBin`), training (`trainFastText` on the word2vec engine's
 * Web Workers, `trainFastTextInBrowser` off the page's thread). Left out: the functions that read
 * or write files (`readFastTextBin`, `writeFastTextBin`, `readFastTextVec`, `writeFastTextVec`).
 */
export { fastTextHash, fastTextHashBytes } from './fasttext-hash.js';
export type { SubwordParameters, SubwordVisitor } from './subwords.js';
export { EOS, SubwordIndexer } from './subwords.js';
export type { InputRowTable } from './subword-table.js';
export { buildInputRowTable } from './subword-table.js';
export type { FastTextArgs, FastTextLossName, FastTextModelName } from './fasttext-args.js';
export type { FastTextModelParts, WordSubwords } from './fasttext-model.js';
export { FastTextModel } from './fasttext-model.js';
export type { ReadFastTextBinOptions } from './fasttext-bin-read.js';
export { parseFastTextBin } from './fasttext-bin-read.js';
export { serializeFastTextBin } from './fasttext-bin-write.js';
export {
  FASTTEXT_MAGIC,
  FASTTEXT_SNIFF_BYTES,
  FASTTEXT_VERSION,
  looksLikeFastTextBin,
} from './bin-layout.js';
export type { FastTextTrainOptions, FastTextTrainOptionsInput } from './train-options.js';
export { FASTTEXT_DEFAULTS, resolveFastTextOptions } from './train-options.js';
export { formatGeneral, printedWordVector } from './printed-vectors.js';
export { trainFastText } from './train-fasttext.js';
export type { FastTextAlgorithm, FastTextAlgorithmOptions } from './algorithms.js';
export { fasttextCbow, fasttextSkipgram } from './algorithms.js';
export type { BrowserFastTextResult } from './train-in-browser.js';
export { trainFastTextInBrowser } from './train-in-browser.js';
