import { open } from 'node:fs/promises';
import { type Embedder, IoError, type WordVectors } from '@embedkit/core-math';
import {
  FASTTEXT_SNIFF_BYTES,
  type FastTextModel,
  looksLikeFastTextBin,
  readFastTextBin,
} from '@embedkit/fasttext-subword';
import { type TextEncodingOptions, type VectorFormat, detectFormat, readVectors } from '@embedkit/vector-io';

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
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new IoError(path, `cannot open: ${(error as Error).message}`, error);
  }
  try {
    const head = new Uint8Array(FASTTEXT_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksLikeFastTextBin(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Options of {@link loadModel}: the words' encoding and error policy apply to every format. */
export interface LoadModelOptions extends TextEncodingOptions {
  /** Read only the first `limit` vectors of a vector file (ignored for a fastText `.bin`). */
  readonly limit?: number;
  /** Cancels the load. */
  readonly signal?: AbortSignal;
}

/**
 * Loads any model file embedkit reads: a fastText `.bin` (recognised by its magic number, or by
 * the header of the older layout without one), or a word2vec text / binary, GloVe or `.vec` file
 * (format detected from the content).
 *
 * @throws FormatError when the file is malformed; IoError when it cannot be read
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  if (await isFastTextBin(path)) {
    const fastText = await readFastTextBin(path, options);
    return { format: 'fasttext-bin', embedder: fastText, vectors: fastText.wordVectors, fastText };
  }
  const format = await detectFormat(path);
  const vectors = await readVectors(path, { format, ...options });
  return { format, embedder: vectors, vectors };
}
