import type { Int32Builder } from './int32-builder.js';
import type { ResolvedSentenceOptions } from './options.js';
import type { ProgressThrottle } from './progress.js';
import { type ScannedTokens, scanFile } from './byte-scanner.js';
import { ByteStringTable, grow } from './byte-string-table.js';

/** Where {@link countFileBytes} records the corpus: word positions and sentence ends. */
export interface TokenSink {
  /** Each token's word, as its position in order of first appearance. */
  readonly ids: Pick<Int32Builder, 'push' | 'length'>;
  /** After each sentence, the number of ids so far. */
  readonly starts: Pick<Int32Builder, 'push'>;
  /** Called once before reading with the distinct words, a list that grows as they appear. */
  begin?(words: readonly string[]): void;
}

/** What {@link countFileBytes} found. */
export interface FileCounts {
  /** Distinct words in order of first appearance. */
  readonly words: string[];
  /** The count of each word, aligned with `words`. */
  readonly counts: number[];
  /** Tokens read. */
  readonly tokens: number;
  /** Whether every token was recorded (the file had at most `limit` tokens). */
  readonly recorded: boolean;
}

/**
 * The distinct words of a corpus keyed by their UTF-8 bytes: a {@link ByteStringTable} whose
 * entries are decoded only the first time their bytes appear. Different byte strings that decode
 * to the same text (invalid UTF-8 becomes U+FFFD) share one word.
 */
class ByteWords {
  readonly words: string[] = [];
  readonly counts: number[] = [];
  readonly #byText = new Map<string, number>();
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  readonly #table = new ByteStringTable();
  /** The word of each entry of the table. */
  #wordOf = new Int32Array(1 << 15);

  /** The word of `bytes[start..end)` (whose FNV-1a hash is `hash`), counted once more. */
  count(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const entry = this.#table.find(bytes, start, end, hash);
    if (entry >= 0) {
      const word = this.#wordOf[entry]!;
      this.counts[word]!++;
      return word;
    }
    const text = this.#decoder.decode(bytes.subarray(start, end));
    let word = this.#byText.get(text);
    if (word === undefined) {
      word = this.words.length;
      this.#byText.set(text, word);
      this.words.push(text);
      this.counts.push(1);
    } else {
      this.counts[word]!++;
    }
    const added = this.#table.insert(bytes, start, end);
    if (added === this.#wordOf.length) this.#wordOf = grow(this.#wordOf);
    this.#wordOf[added] = word;
    return word;
  }
}

/** Counts the tokens a scanner hands over, and records them into a sink while at most `limit` were read. */
class WordCounter implements ScannedTokens {
  readonly table = new ByteWords();
  tokens = 0;
  record: TokenSink | undefined;
  readonly #limit: number;

  constructor(record: TokenSink | undefined, limit: number) {
    this.record = record;
    this.#limit = limit;
  }

  token(bytes: Uint8Array, start: number, end: number, hash: number): void {
    const word = this.table.count(bytes, start, end, hash);
    this.tokens++;
    const record = this.record;
    if (record !== undefined) {
      if (this.tokens > this.#limit) this.record = undefined;
      else record.ids.push(word);
    }
  }

  endSentence(): void {
    this.record?.starts.push(this.record.ids.length);
  }
}

/**
 * Counts the words of a UTF-8 text file exactly as reading it with {@link readSentences} and the
 * default {@link whitespaceTokenizer} would (one sentence per line, long lines cut into pieces of
 * `maxSentenceLength` tokens, a leading byte-order mark skipped, invalid UTF-8 as U+FFFD), but on
 * the bytes ({@link ByteScanner}): a token is hashed where it lies in the read buffer and decoded
 * only the first time its bytes appear, so the common case allocates nothing per token. Records the
 * tokens into `record` while at most `limit` were read.
 *
 * @throws IoError when the file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function countFileBytes(
  path: string,
  options: ResolvedSentenceOptions,
  limit: number,
  record: TokenSink | undefined,
  progress: ProgressThrottle,
): Promise<FileCounts> {
  const counter = new WordCounter(record, limit);
  record?.begin?.(counter.table.words);
  for await (const _ of scanFile(path, options, counter)) progress.update(counter.tokens);
  return {
    words: counter.table.words,
    counts: counter.table.counts,
    tokens: counter.tokens,
    recorded: counter.record !== undefined,
  };
}
