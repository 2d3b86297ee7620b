import { ConfigError } from './errors.js';
import type { OpenedRegularFile } from './regular-file.js';

/**
 * The browser's stand-in for opening a file (`#regular-file` under the `browser` condition): a
 * page has no file paths, so a path is refused with what to give instead.
 *
 * @throws ConfigError always, naming the path
 */
export async function openRegularFile(path: string): Promise<OpenedRegularFile> {
  throw new ConfigError('path', path, 'a Blob, File or bytes (a file path needs Node)');
}
