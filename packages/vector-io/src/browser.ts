/**
 * The entry of the `browser` export condition: everything `index.ts` exports except the functions
 * that write files or check paths (`writeVectors`, `writeFileAtomic`, `checkOutputPath`); in a page, `serializeVectors` gives the bytes
 * and `readVectors` reads a `Blob`, `File` or `ReadableStream`.
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
export { formatFloat32 } from './float32-format.js';
export type { TextEncodingOptions, UnicodeErrors, WordDecoder } from './word-decoding.js';
export { createWordDecoder, UNICODE_ERRORS } from './word-decoding.js';
