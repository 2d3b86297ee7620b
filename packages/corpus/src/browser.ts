/**
 * The entry of the `browser` export condition: everything `index.ts` exports except
 * `readSentences`, which reads a file (in a browser, give bytes to `sentencesFromBytes`);
 * `withReplayableCorpus` passes the corpus through (a page has no pipe to copy to a temporary file).
 */
export type { Tokenizer, UnicodeWordTokenizerOptions } from './tokenizers.js';
export {
  isWhitespaceCode,
  unicodeWordTokenizer,
  whitespaceTokenizer,
} from './tokenizers.js';
export type { SentenceOptions } from './options.js';
export { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_SENTENCE_LENGTH } from './options.js';
export type { ByteChunks } from './read-sentences.js';
export { sentencesFromBytes } from './read-sentences.js';
export { sentencesOf } from './sentences-of.js';
export type {
  BuildAndEncodeOptions,
  VocabularyAndCorpus,
  VocabularyBuildOptions,
  VocabularyJSON,
  VocabularyOptions,
} from './vocabulary.js';
export { DEFAULT_MIN_COUNT, Vocabulary } from './vocabulary.js';
export type { EncodeCorpusOptions, EncodedCorpus } from './encode-corpus.js';
export { encodeCorpus, encodeCorpusBlocks } from './encode-corpus.js';
export type { PhraseScoring, PhrasesOptions, ResolvedPhrasesOptions } from './phrase-options.js';
export { ENGLISH_CONNECTOR_WORDS, PHRASES_DEFAULTS, resolvePhrasesOptions } from './phrase-options.js';
export type { FrozenPhrasesSettings } from './phrases.js';
export { applyPhraseLayers, FrozenPhrases, learnPhrasePasses, Phrases } from './phrases.js';
export type { ReplayableCorpusOptions } from './replayable-corpus.js';
export { withReplayableCorpus } from './replayable-corpus-browser.js';
