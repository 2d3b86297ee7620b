import type { TrainingCorpus } from '@embedkit/core-math';
import { ConfigError, throwIfAborted } from '@embedkit/core-math';
import type { SentenceOptions } from './options.js';
import { resolveSentenceOptions } from './options.js';
import { readSentences } from './read-sentences.js';

/**
 * The sentences of any {@link TrainingCorpus}: a file path is read with {@link readSentences}; an
 * iterable or async iterable of token arrays is passed through, with sentences longer than
 * `maxSentenceLength` cut into pieces and empty sentences skipped (`tokenizer` and `chunkSize`
 * apply to files only).
 *
 * The result can be iterated several times when the corpus can (a path, an array; a generator
 * object can be read only once).
 *
 * @throws ConfigError at once when an option or the corpus's type is invalid, during iteration
 *   when a sentence is not an array or a token is not a string
 * @throws IoError during iteration when a file cannot be read
 * @throws CancelledError during iteration when `signal` aborts
 */
export function sentencesOf(
  corpus: TrainingCorpus,
  options: SentenceOptions = {},
): AsyncIterable<readonly string[]> {
  if (typeof corpus === 'string') return readSentences(corpus, options);
  const { maxSentenceLength, signal } = resolveSentenceOptions(options);
  const iterable =
    corpus !== null && typeof corpus === 'object'
      ? typeof (corpus as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ||
        typeof (corpus as Iterable<unknown>)[Symbol.iterator] === 'function'
      : false;
  if (!iterable) {
    throw new ConfigError('corpus', corpus, 'a file path, or an iterable or async iterable of token arrays');
  }
  return { [Symbol.asyncIterator]: () => splitSentences(corpus, maxSentenceLength, signal) };
}

async function* splitSentences(
  corpus: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  maxSentenceLength: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<readonly string[]> {
  let number = 0;
  for await (const sentence of corpus) {
    throwIfAborted(signal, 'reading the corpus');
    number++;
    if (!Array.isArray(sentence)) {
      throw new ConfigError('corpus', sentence, 'sentences given as arrays of string tokens');
    }
    const length = sentence.length;
    for (let i = 0; i < length; i++) {
      const token: unknown = sentence[i];
      if (typeof token !== 'string') {
        throw new ConfigError(
          `corpus (sentence ${number}, token ${i + 1})`,
          token,
          `a string token, not ${token === null ? 'null' : typeof token}`,
        );
      }
    }
    if (length <= maxSentenceLength) {
      if (length > 0) yield sentence;
      continue;
    }
    for (let offset = 0; offset < length; offset += maxSentenceLength) {
      yield sentence.slice(offset, offset + maxSentenceLength);
    }
  }
}
