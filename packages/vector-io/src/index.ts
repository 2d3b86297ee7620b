/**
 * @embedkit/vector-io — read and write word vector files: word2vec text and binary (the C tool's
 * and gensim's), GloVe text and fastText `.vec`, with format detection, streaming reads and
 * atomic writes.
 */
export { detectFormat } from './detect-format.js';
export type { ParseVectorsOptions } from './parse-vectors.js';
export { parseVectors } from './parse-vectors.js';
export type { ReadVectorsOptions } from './read-vectors.js';
export { readVectors } from './read-vectors.js';
export type { VectorSource } from './vector-source.js';
export { serializeVectors } from './serialize-vectors.js';
export type { VectorFormat } from './vector-format.js';
export { isVectorFormat, VECTOR_FORMATS } from './vector-format.js';
export type { WriteVectorsOptions } from './write-vectors.js';
export { writeVectors } from './write-vectors.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { formatFloat32 } from './float32-format.js';
export type { TextEncodingOptions, UnicodeErrors, WordDecoder } from './word-decoding.js';
export { createWordDecoder, UNICODE_ERRORS } from './word-decoding.js';
export type { CheckOutputPathOptions } from './output-path.js';
export { checkOutputPath } from './output-path.js';
