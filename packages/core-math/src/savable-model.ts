import type { Embedder } from './embedder.js';

/** Options of {@link SavableModel.save}. */
export interface SaveOptions {
  /** Stops the save; the file is then not written. */
  readonly signal?: AbortSignal;
}

/**
 * A model that writes files of its own besides its word vectors, e.g. a fastText model's `.bin`
 * with its subword rows and training arguments. Every {@link Embedder} can be saved as word vectors
 * (word2vec binary or text, GloVe, `.vec`); a model implements this contract only for the formats
 * that need more than its vectors, and declares them in {@link SavableModel.savableFormats} so an
 * app saves it without knowing its class.
 */
export interface SavableModel extends Embedder {
  /** The formats {@link SavableModel.save} writes, e.g. `['fasttext-bin']`. */
  readonly savableFormats: readonly string[];
  /**
   * Writes the model to `path` in `format` (one of {@link SavableModel.savableFormats}), through a
   * temporary file renamed into place so that a failed save leaves no partial file.
   *
   * @throws ConfigError when `format` is not one of its savable formats; IoError when the file
   *   cannot be written
   */
  save(path: string, format: string, options?: SaveOptions): Promise<void>;
}

/** Whether `model` saves itself in formats of its own ({@link SavableModel}). */
export function isSavableModel(model: Embedder): model is SavableModel {
  const candidate = model as Partial<SavableModel>;
  return Array.isArray(candidate.savableFormats) && typeof candidate.save === 'function';
}
