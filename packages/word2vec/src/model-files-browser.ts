import { ConfigError, type WordVectors } from '@embedkit/core-math';
import type { VectorFormat } from '@embedkit/vector-io';
import type { ModelFileContents, StoredMatrix } from './model-file.js';

/**
 * The browser's stand-ins for the file functions of `Word2VecModel` (`#model-files` under the
 * `browser` condition): a page has no file paths, so each refuses its path and says what to use.
 */

const VECTOR_BYTES =
  'serializeVectors(model.wordVectors) of @embedkit/vector-io for the bytes (a file path needs Node)';

/** @throws ConfigError always, naming the path */
export async function writeModelFile(
  path: string,
  _header: Record<string, unknown>,
  _matrices: ReadonlyArray<StoredMatrix & { readonly data: Float32Array }>,
): Promise<void> {
  throw new ConfigError('path', path, VECTOR_BYTES);
}

/** @throws ConfigError always, naming the path */
export async function readModelFile(path: string): Promise<ModelFileContents> {
  throw new ConfigError('path', path, 'a model trained in the page (loading a saved model needs Node)');
}

/** @throws ConfigError always, naming the path */
export async function writeVectors(
  path: string,
  _vectors: WordVectors,
  _options: { readonly format?: VectorFormat } = {},
): Promise<void> {
  throw new ConfigError('path', path, VECTOR_BYTES);
}
