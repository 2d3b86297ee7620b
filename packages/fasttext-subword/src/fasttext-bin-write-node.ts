import { writeFileAtomic } from '@embedkit/vector-io';
import { fastTextBinChunks } from './fasttext-bin-write.js';
import type { FastTextModel } from './fasttext-model.js';

/**
 * Saves `model` as a fastText `.bin` file that fastText 0.9.2 (`fasttext print-word-vectors`,
 * `nn`, continued training) and gensim's `load_facebook_model` load. Writes a temporary file and
 * renames it into place; `signal` cancels the write, leaving an existing file as it was.
 *
 * @throws IoError when the file cannot be written; CancelledError when `options.signal` aborts
 */
export async function writeFastTextBin(
  path: string,
  model: FastTextModel,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  await writeFileAtomic(path, fastTextBinChunks(model), options);
}
