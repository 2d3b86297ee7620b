import { ConfigError, type Embedder, IoError, openRegularFile, type WordVectors } from '@embedkit/core-math';
import {
  FASTTEXT_SNIFF_BYTES,
  type FastTextModel,
  looksLikeFastTextBin,
  readFastTextBin,
} from '@embedkit/fasttext-subword';
import {
  detectFormat,
  isVectorFormat,
  readVectors,
  type TextEncodingOptions,
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

async function isFastTextBin(path: string): Promise<boolean> {
  const { handle } = await openRegularFile(path);
  try {
    const head = new Uint8Array(FASTTEXT_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksLikeFastTextBin(head.subarray(0, bytesRead));
  } catch (cause) {
    throw new IoError(path, `cannot read the file: ${(cause as Error).message}`, cause);
  } finally {
    await handle.close();
  }
}

/** Options of {@link loadModel}: the words' encoding and error policy apply to every format. */
export interface LoadModelOptions extends TextEncodingOptions {
  /**
   * The file's format; `'auto'` (the default) recognises a fastText `.bin` by its magic number (or
   * the header of the older layout without one) and detects the vector formats from the content.
   */
  readonly format?: VectorFormat | 'fasttext-bin' | 'auto';
  /** Read only the first `limit` vectors (vector formats only). */
  readonly limit?: number;
  /** Cancels the load; the promise then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
}

/**
 * Loads any model file embedkit reads: a fastText `.bin` (recognised by its magic number, or by
 * the header of the older layout without one), or a word2vec text / binary, GloVe or `.vec` file
 * (format detected from the content), unless `options.format` names the format.
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
  const encoding = {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.unicodeErrors === undefined ? {} : { unicodeErrors: options.unicodeErrors }),
  };
  if (requested === 'fasttext-bin' || (requested === 'auto' && (await isFastTextBin(path)))) {
    const fastText = await readFastTextBin(path, { ...encoding, ...(signal ? { signal } : {}) });
    return { format: 'fasttext-bin', embedder: fastText, vectors: fastText.wordVectors, fastText };
  }
  const format = requested === 'auto' ? await detectFormat(path) : requested;
  const vectors = await readVectors(path, { format, limit, signal, ...encoding });
  return { format, embedder: vectors, vectors };
}
