import { ConfigError, type Embedder, IoError, openRegularFile, type WordVectors } from '@embedkit/core-math';
import { FASTTEXT_MAGIC, type FastTextModel, readFastTextBin } from '@embedkit/fasttext-subword';
import {
  detectFormat,
  isVectorFormat,
  readVectors,
  VECTOR_FORMATS,
  type VectorFormat,
} from '@embedkit/vector-io';

/** A model file loaded by {@link loadModel}. */
export interface LoadedModel {
  /** What the file holds: a vector format, or `fasttext-bin`. */
  readonly format: VectorFormat | 'fasttext-bin';
  /** The model as an embedder (for fastText `.bin`, it also embeds out-of-vocabulary words). */
  readonly embedder: Embedder;
  /** The in-vocabulary vectors. */
  readonly vectors: WordVectors;
  /** The fastText model, when the file is a fastText `.bin`. */
  readonly fastText?: FastTextModel;
}

async function startsWithFastTextMagic(path: string): Promise<boolean> {
  const { handle } = await openRegularFile(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readInt32LE(0) === FASTTEXT_MAGIC;
  } catch (cause) {
    throw new IoError(path, `cannot read the file: ${(cause as Error).message}`, cause);
  } finally {
    await handle.close();
  }
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * The file's format; `'auto'` (the default) recognises a fastText `.bin` by its magic number and
   * detects the vector formats from the content.
   */
  readonly format?: VectorFormat | 'fasttext-bin' | 'auto';
  /** Read only the first `limit` vectors (vector formats only). */
  readonly limit?: number;
  /** Cancels the load; the promise then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
}

/**
 * Loads any model file embedkit reads: a fastText `.bin` (recognised by its magic number), or a
 * word2vec text / binary, GloVe or `.vec` file (format detected from the content), unless
 * `options.format` names the format.
 *
 * @throws FormatError when the file is malformed; IoError when it cannot be read or is not a
 *   regular file; ConfigError for an unknown format
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const { format: requested = 'auto', limit, signal } = options;
  if (requested !== 'auto' && requested !== 'fasttext-bin' && !isVectorFormat(requested)) {
    throw new ConfigError(
      'format',
      requested,
      `'auto', 'fasttext-bin' or one of ${VECTOR_FORMATS.join(', ')}`,
    );
  }
  if (requested === 'fasttext-bin' || (requested === 'auto' && (await startsWithFastTextMagic(path)))) {
    const fastText = await readFastTextBin(path, signal ? { signal } : {});
    return { format: 'fasttext-bin', embedder: fastText, vectors: fastText.wordVectors, fastText };
  }
  const format = requested === 'auto' ? await detectFormat(path) : requested;
  const vectors = await readVectors(path, { format, limit, signal });
  return { format, embedder: vectors, vectors };
}
