import { ConfigError } from '@embedkit/core-math';

/**
 * The browser's stand-in for reading a corpus file (`#file-chunks` under the `browser` condition):
 * a page has no file paths, so a string corpus is refused with the ways to give text instead.
 *
 * @throws ConfigError always, naming the path
 */
export function fileChunks(path: string, _chunkSize: number): AsyncGenerator<Uint8Array> {
  throw new ConfigError(
    'corpus',
    path,
    'sentences as arrays of tokens, or bytes through sentencesFromBytes (a file path needs Node)',
  );
}
