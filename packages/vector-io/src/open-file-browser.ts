import { ConfigError } from '@embedkit/core-math';
import type { ReadableFile } from './file-reading.js';

/**
 * The browser's stand-in for opening a vector file (`#open-file` under the `browser` condition):
 * a page has no file paths, so a path is refused with what to give instead.
 *
 * @throws ConfigError always, naming the path
 */
export async function openForReading(path: string): Promise<ReadableFile> {
  throw new ConfigError('source', path, 'a Blob, File, ReadableStream or bytes (a file path needs Node)');
}
