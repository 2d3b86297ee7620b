import { IoError, openRegularFile } from '@embedkit/core-math';
import { createWordDecoder } from '@embedkit/vector-io';
import { ByteReader, type ByteSource } from './byte-reader.js';
import { decodeFastTextBin, type ReadFastTextBinOptions } from './fasttext-bin-read.js';
import type { FastTextModel } from './fasttext-model.js';

/**
 * Loads a Facebook fastText `.bin` model: version 12 (fastText 0.9.x, gensim's
 * `save_facebook_model`), version 11, and the older layout without magic number; supervised models
 * with their labels; quantized models (`.ftz`), decoded into dense matrices. A dictionary pruned by
 * `fasttext quantize -cutoff` is refused with a `FormatError`.
 * Words are UTF-8 unless `encoding` names another encoding (gensim's `load_facebook_model(path,
 * encoding=…)`); `unicodeErrors: 'backslashreplace'` reads invalid bytes as gensim does (`\xNN`).
 *
 * @throws FormatError naming the byte offset of the first thing that is wrong
 * @throws IoError when the file cannot be read, or is a directory, a pipe or a device
 */
export async function readFastTextBin(
  path: string,
  options: ReadFastTextBinOptions = {},
): Promise<FastTextModel> {
  const decoder = createWordDecoder(options);
  const { handle, size } = await openRegularFile(path);
  try {
    const source: ByteSource = {
      size,
      async read(position, target) {
        try {
          return (await handle.read(target, 0, target.length, position)).bytesRead;
        } catch (cause) {
          throw new IoError(path, `cannot read the file: ${(cause as Error).message}`, cause);
        }
      },
    };
    return await decodeFastTextBin(new ByteReader(source, path), decoder, options.signal);
  } finally {
    await handle.close();
  }
}
