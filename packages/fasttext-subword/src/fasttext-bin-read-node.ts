import { open } from 'node:fs/promises';
import { IoError } from '@embedkit/core-math';
import { ByteReader, type ByteSource } from './byte-reader.js';
import { decodeFastTextBin, type ReadFastTextBinOptions } from './fasttext-bin-read.js';
import type { FastTextModel } from './fasttext-model.js';

/**
 * Loads a Facebook fastText `.bin` model: version 12 (fastText 0.9.x, gensim's
 * `save_facebook_model`), version 11, and the older layout without magic number. Quantized
 * models (`.ftz`), supervised models and dictionaries with labels are refused with a `FormatError`.
 *
 * @throws FormatError naming the byte offset of the first thing that is wrong
 * @throws IoError when the file cannot be read
 */
export async function readFastTextBin(
  path: string,
  options: ReadFastTextBinOptions = {},
): Promise<FastTextModel> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new IoError(path, `cannot open: ${(error as Error).message}`, error);
  }
  try {
    const { size } = await handle.stat();
    const source: ByteSource = {
      size,
      async read(position, target) {
        const { bytesRead } = await handle.read(target, 0, target.length, position);
        return bytesRead;
      },
    };
    return await decodeFastTextBin(new ByteReader(source, path), options.signal);
  } finally {
    await handle.close();
  }
}
