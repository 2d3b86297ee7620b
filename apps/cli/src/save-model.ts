import { UsageError } from './usage-error.js';
import type { WordVectors } from '@embedkit/core-math';
import { type FastTextModel, writeFastTextBin } from '@embedkit/fasttext-subword';
import { writeVectors } from '@embedkit/vector-io';
import { type FileFormat, vectorFormatOf } from './formats.js';

/** What can be saved: word vectors, and the fastText model they come from when there is one. */
export interface SavableModel {
  /** The in-vocabulary vectors. */
  readonly vectors: WordVectors;
  /** The fastText model (needed for `fasttext-bin`). */
  readonly fastText?: FastTextModel | undefined;
}

/**
 * Writes `model` to `path` in `format` (to a temporary file renamed into place, so a failed or
 * cancelled save leaves no partial file).
 * @throws UsageError for `fasttext-bin` without a fastText model
 */
export async function saveModel(
  path: string,
  format: FileFormat,
  model: SavableModel,
  signal?: AbortSignal,
): Promise<void> {
  const vectorFormat = vectorFormatOf(format);
  if (vectorFormat !== undefined) {
    await writeVectors(path, model.vectors, { format: vectorFormat, ...(signal ? { signal } : {}) });
    return;
  }
  if (model.fastText === undefined) {
    throw new UsageError(
      'fasttext-bin holds a fastText model (subword rows and training arguments); only fasttext-skipgram, fasttext-cbow or a fastText .bin input can be written in it',
    );
  }
  await writeFastTextBin(path, model.fastText);
}
