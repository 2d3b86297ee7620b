/**
 * The file functions of `Word2VecModel` in Node (`#model-files` outside the `browser` condition):
 * the model container and the word-vector formats on disk.
 */
export { readModelFile, writeModelFile } from './model-file.js';
export { writeVectors } from '@embedkit/vector-io';
