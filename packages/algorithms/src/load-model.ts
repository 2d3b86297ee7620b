import { open } from 'node:fs/promises';
import { type Embedder, IoError, type WordVectors } from '@embedkit/core-math';
import { FASTTEXT_MAGIC, type FastTextModel, readFastTextBin } from '@embedkit/fasttext-subword';
import { type VectorFormat, detectFormat, readVectors } from '@embedkit/vector-io';

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
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new IoError(path, `cannot open: ${(error as Error).message}`, error);
  }
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readInt32LE(0) === FASTTEXT_MAGIC;
  } finally {
    await handle.close();
  }
}

/**
 * Loads any model file embedkit reads: a fastText `.bin` (recognised by its magic number), or a
 * word2vec text / binary, GloVe or `.vec` file (format detected from the content).
 *
 * @throws FormatError when the file is malformed; IoError when it cannot be read
 */
export async function loadModel(
  path: string,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<LoadedModel> {
  if (await startsWithFastTextMagic(path)) {
    const fastText = await readFastTextBin(path, options.signal ? { signal: options.signal } : {});
    return { format: 'fasttext-bin', embedder: fastText, vectors: fastText.wordVectors, fastText };
  }
  const format = await detectFormat(path);
  const vectors = await readVectors(path, { format, ...options });
  return { format, embedder: vectors, vectors };
}
