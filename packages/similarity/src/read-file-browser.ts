import { ConfigError } from '@embedkit/core-math';

/**
 * The browser's stand-in for reading an evaluation file (`#read-file` under the `browser`
 * condition): a page has no file paths, so a path is refused with what to give instead.
 *
 * @throws ConfigError always, naming the path
 */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  throw new ConfigError('pathOrText', path, "the file's text (a file path needs Node)");
}
