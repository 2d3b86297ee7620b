import { type Embedder, isSavableModel, WordVectors } from '@embedkit/core-math';
import { writeVectors } from '@embedkit/vector-io';
import { FILE_FORMATS, type FileFormat, vectorFormatOf } from './formats.js';
import { UsageError } from './usage-error.js';

/** A model's word vectors: itself, the `wordVectors` it exposes (fastText), or a copy of every key's vector. */
function vectorsOf(model: Embedder): WordVectors {
  if (model instanceof WordVectors) return model;
  const { wordVectors } = model as { wordVectors?: unknown };
  return wordVectors instanceof WordVectors ? wordVectors : WordVectors.fromEmbedder(model);
}

/**
 * Writes `model` to `path` in `format` (to a temporary file renamed into place, so a failed or
 * cancelled save leaves no partial file): its word vectors for a vector format, otherwise the
 * model saves itself when it declares `format` ({@link SavableModel}).
 * @throws UsageError when `format` is neither a vector format nor one the model saves itself in
 */
export async function saveModel(
  path: string,
  format: FileFormat,
  model: Embedder,
  signal?: AbortSignal,
): Promise<void> {
  const vectorFormat = vectorFormatOf(format);
  if (vectorFormat !== undefined) {
    await writeVectors(path, vectorsOf(model), { format: vectorFormat, ...(signal ? { signal } : {}) });
    return;
  }
  const own = isSavableModel(model) ? model.savableFormats : [];
  if (!isSavableModel(model) || !own.includes(format)) {
    const writable = FILE_FORMATS.filter((name) => vectorFormatOf(name) !== undefined || own.includes(name));
    throw new UsageError(`${format} cannot hold this model; it can be written as ${writable.join(', ')}`);
  }
  await model.save(path, format, signal ? { signal } : {});
}
