import type { WordVectors } from '@embedkit/core-math';
import { readVectors, writeVectors } from '@embedkit/vector-io';
import type { FastTextModel } from './fasttext-model.js';

/**
 * Saves the in-vocabulary word vectors of `model` as a fastText `.vec` file (word2vec text: a
 * `count dim` header, then one `word v1 ... vD` line per word), as `fasttext skipgram` writes
 * beside the `.bin`. Written through `@embedkit/vector-io` (temporary file, then rename).
 *
 * @throws IoError when the file cannot be written; CancelledError when `signal` aborts
 */
export async function writeFastTextVec(
  path: string,
  model: FastTextModel,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  await writeVectors(path, model.wordVectors, { format: 'fasttext-vec', signal: options.signal });
}

/**
 * Reads a fastText `.vec` file through `@embedkit/vector-io`. A `.vec` holds whole-word vectors
 * only: words outside it get no vector (load the `.bin` for out-of-vocabulary words).
 *
 * @throws FormatError when the file is not a valid `.vec`; IoError when it cannot be read
 */
export async function readFastTextVec(
  path: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<WordVectors> {
  return readVectors(path, { format: 'fasttext-vec', signal: options.signal });
}
