import { throwIfAborted } from '@embedkit/core-math';
import { fileChunks } from '#file-chunks';
import { LineSplitter } from './line-splitter.js';
import type { ResolvedSentenceOptions, SentenceOptions } from './options.js';
import { resolveSentenceOptions } from './options.js';

/** Byte chunks of a text: a Node stream, a web `ReadableStream`, or an array of `Uint8Array`s. */
export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Reads the sentences of a UTF-8 text file: one sentence per line (LF or CRLF line ends), lines
 * longer than `maxSentenceLength` tokens cut into pieces, empty lines skipped.
 *
 * The file is read `chunkSize` bytes at a time and decoded with a streaming `TextDecoder`, so a
 * multi-byte character split across two reads is decoded whole, and tokens are cut from a line as
 * they arrive: neither the file nor a line is ever held whole (a text8-style one-line file of any
 * size streams in constant memory). A leading byte-order mark is skipped; invalid UTF-8 becomes
 * U+FFFD. The result can be iterated several times (each iteration reads the file afresh).
 *
 * @throws ConfigError at once when an option is invalid
 * @throws IoError during iteration when the file cannot be read
 * @throws CancelledError during iteration when `signal` aborts
 */
export function readSentences(path: string, options: SentenceOptions = {}): AsyncIterable<string[]> {
  const resolved = resolveSentenceOptions(options);
  return {
    [Symbol.asyncIterator]: () =>
      decodeSentences(fileChunks(path, resolved.chunkSize), resolved, `reading ${path}`),
  };
}

/**
 * Sentences of UTF-8 text given as byte chunks (for example a web `ReadableStream` in a browser),
 * cut exactly as {@link readSentences} cuts a file. `chunkSize` is not used.
 *
 * @throws ConfigError at once when an option is invalid
 * @throws CancelledError during iteration when `signal` aborts
 */
export function sentencesFromBytes(
  chunks: ByteChunks,
  options: SentenceOptions = {},
): AsyncIterable<string[]> {
  const resolved = resolveSentenceOptions(options);
  return { [Symbol.asyncIterator]: () => decodeSentences(chunks, resolved, 'reading the corpus') };
}

async function* decodeSentences(
  chunks: ByteChunks,
  options: ResolvedSentenceOptions,
  what: string,
): AsyncGenerator<string[]> {
  const { signal } = options;
  throwIfAborted(signal, what);
  const decoder = new TextDecoder('utf-8');
  const splitter = new LineSplitter(options.tokenizer, options.maxSentenceLength);
  const ready: string[][] = [];
  for await (const chunk of chunks) {
    throwIfAborted(signal, what);
    splitter.push(decoder.decode(chunk, { stream: true }), ready);
    for (const sentence of ready) {
      yield sentence;
      throwIfAborted(signal, what);
    }
    ready.length = 0;
  }
  splitter.push(decoder.decode(), ready);
  splitter.end(ready);
  for (const sentence of ready) {
    yield sentence;
    throwIfAborted(signal, what);
  }
}
