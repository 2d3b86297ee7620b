import { ConfigError } from '@embedkit/core-math';
import type { FastTextModel } from './fasttext-model.js';

/**
 * The browser's stand-in for saving a `.bin` file (`#write-bin` under the `browser` condition):
 * a page has no file paths, so a path is refused with what to use instead.
 *
 * @throws ConfigError always, naming the path
 */
export async function writeFastTextBin(
  path: string,
  _model: FastTextModel,
  _options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  throw new ConfigError('path', path, 'serializeFastTextBin(model) for the bytes (a file path needs Node)');
}
