import { ConfigError } from '@embedkit/core-math';
import type { Tokenizer } from './tokenizers.js';
import { whitespaceTokenizer } from './tokenizers.js';

/** Default longest sentence, in tokens, as gensim's `MAX_WORDS_IN_BATCH` (the word2vec C tool uses 1,000). */
export const DEFAULT_MAX_SENTENCE_LENGTH = 10_000;

/** Default size of one file read, in bytes. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;

/** Options shared by everything that turns a corpus into sentences. */
export interface SentenceOptions {
  /** Splits a line into tokens. Default {@link whitespaceTokenizer}. Used for file corpora only. */
  readonly tokenizer?: Tokenizer;
  /** Longer sentences (and lines) are cut into pieces of this many tokens. Default 10,000. */
  readonly maxSentenceLength?: number;
  /** Bytes read from a file at a time. Default 65,536. */
  readonly chunkSize?: number;
  /** Stops reading; the iteration then throws `CancelledError`. */
  readonly signal?: AbortSignal;
}

/** {@link SentenceOptions} with defaults applied and values checked. */
export interface ResolvedSentenceOptions {
  readonly tokenizer: Tokenizer;
  readonly maxSentenceLength: number;
  readonly chunkSize: number;
  readonly signal: AbortSignal | undefined;
}

/** Checks that `value` is an integer in `min..max` and returns it. */
export function requireInteger(option: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Applies the defaults of {@link SentenceOptions} and validates them; throws `ConfigError`. */
export function resolveSentenceOptions(options: SentenceOptions = {}): ResolvedSentenceOptions {
  const tokenizer = options.tokenizer ?? whitespaceTokenizer;
  if (typeof tokenizer !== 'function') {
    throw new ConfigError('tokenizer', tokenizer, 'a function from text to an array of tokens');
  }
  return {
    tokenizer,
    maxSentenceLength: requireInteger(
      'maxSentenceLength',
      options.maxSentenceLength ?? DEFAULT_MAX_SENTENCE_LENGTH,
      1,
      2 ** 30,
    ),
    chunkSize: requireInteger('chunkSize', options.chunkSize ?? DEFAULT_CHUNK_SIZE, 1, 2 ** 30),
    signal: options.signal,
  };
}
