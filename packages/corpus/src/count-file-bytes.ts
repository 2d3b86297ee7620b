import { throwIfAborted } from '@embedkit/core-math';
import type { Int32Builder } from './int32-builder.js';
import type { ResolvedSentenceOptions } from './options.js';
import type { ProgressThrottle } from './progress.js';
import { fileChunks } from '#file-chunks';

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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LINE_FEED = 0x0a;

/**
 * Length in bytes of the UTF-8 whitespace character at `bytes[i]` (one of the `White_Space`
 * characters of {@link isWhitespaceCode}): 1 for the ASCII ones, 2 for U+0085 and U+00A0, 3 for the
 * others; 0 when the bytes there are not whitespace; -1 when they may be but `bytes` ends first.
 */
export function whitespaceLength(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return b === 0x20 || (b >= 0x09 && b <= 0x0d) ? 1 : 0;
  if (b === 0xc2) {
    if (i + 1 >= end) return -1;
    const c = bytes[i + 1]!;
    return c === 0x85 || c === 0xa0 ? 2 : 0;
  }
  if (b < 0xe1 || b > 0xe3) return 0;
  if (i + 2 >= end) return -1;
  const c = bytes[i + 1]!;
  const d = bytes[i + 2]!;
  if (b === 0xe1) return c === 0x9a && d === 0x80 ? 3 : 0; // U+1680
  if (b === 0xe3) return c === 0x80 && d === 0x80 ? 3 : 0; // U+3000
  if (c === 0x80) return (d >= 0x80 && d <= 0x8a) || d === 0xa8 || d === 0xa9 || d === 0xaf ? 3 : 0;
  return c === 0x81 && d === 0x9f ? 3 : 0; // U+205F
}

/**
 * The distinct words of a corpus keyed by their UTF-8 bytes: an open-addressing table of byte
 * strings (FNV-1a hashes) that decodes a word only the first time its bytes appear. Different
 * byte strings that decode to the same text (invalid UTF-8 becomes U+FFFD) share one word.
 */
class ByteWords {
  readonly words: string[] = [];
  readonly counts: number[] = [];
  readonly #byText = new Map<string, number>();
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Entry + 1 per slot, 0 when free; the size is a power of two, at most half full. */
  #slots = new Int32Array(1 << 16);
  #hashes = new Uint32Array(1 << 15);
  #offsets = new Int32Array(1 << 15);
  #lengths = new Int32Array(1 << 15);
  #wordOf = new Int32Array(1 << 15);
  #entries = 0;
  #arena = new Uint8Array(1 << 20);
  #arenaLength = 0;

  /** The word of `bytes[start..end)`, counted once more. */
  count(bytes: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    hash >>>= 0;
    const length = end - start;
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]! - 1;
      if (entry < 0) {
        const word = this.#add(bytes, start, end, hash);
        this.#slots[slot] = this.#entries;
        if (2 * this.#entries > this.#slots.length) this.#rehash();
        return word;
      }
      if (
        this.#hashes[entry] === hash &&
        this.#lengths[entry] === length &&
        this.#same(entry, bytes, start)
      ) {
        const word = this.#wordOf[entry]!;
        this.counts[word]!++;
        return word;
      }
    }
  }

  #same(entry: number, bytes: Uint8Array, start: number): boolean {
    const arena = this.#arena;
    const offset = this.#offsets[entry]!;
    const length = this.#lengths[entry]!;
    for (let k = 0; k < length; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  /** A new entry for bytes[start..end): decodes it, and finds or makes its word. */
  #add(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const entry = this.#entries;
    if (entry === this.#hashes.length) this.#growEntries();
    const length = end - start;
    if (this.#arenaLength + length > this.#arena.length) {
      const arena = new Uint8Array(Math.max(2 * this.#arena.length, this.#arenaLength + length));
      arena.set(this.#arena.subarray(0, this.#arenaLength));
      this.#arena = arena;
    }
    this.#arena.set(bytes.subarray(start, end), this.#arenaLength);
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
    this.#hashes[entry] = hash;
    this.#offsets[entry] = this.#arenaLength;
    this.#lengths[entry] = length;
    this.#wordOf[entry] = word;
    this.#arenaLength += length;
    this.#entries = entry + 1;
    return word;
  }

  #growEntries(): void {
    const grow = <T extends Int32Array | Uint32Array>(array: T): T => {
      const bigger = new (array.constructor as new (length: number) => T)(2 * array.length);
      bigger.set(array);
      return bigger;
    };
    this.#hashes = grow(this.#hashes);
    this.#offsets = grow(this.#offsets);
    this.#lengths = grow(this.#lengths);
    this.#wordOf = grow(this.#wordOf);
  }

  #rehash(): void {
    const slots = new Int32Array(2 * this.#slots.length);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.#entries; entry++) {
      let slot = this.#hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}

/**
 * Cuts bytes into tokens and sentences as they arrive: a growing buffer holds the bytes not
 * consumed yet (an unfinished token, or the start of a character that may be whitespace).
 */
class ByteScanner {
  readonly table = new ByteWords();
  tokens = 0;
  record: TokenSink | undefined;
  readonly #limit: number;
  readonly #maxSentenceLength: number;
  #buffer = new Uint8Array(1 << 16);
  #length = 0;
  /** Next byte to look at. */
  #position = 0;
  /** Start of the token being read, or -1. */
  #tokenStart = -1;
  #lineTokens = 0;
  /** Whether the start of the file (a byte-order mark or not) is decided. */
  #started = false;

  constructor(record: TokenSink | undefined, limit: number, maxSentenceLength: number) {
    this.record = record;
    this.#limit = limit;
    this.#maxSentenceLength = maxSentenceLength;
  }

  /** Appends bytes and consumes what can be decided (a leading byte-order mark once 3 bytes are in). */
  push(chunk: Uint8Array): void {
    this.#append(chunk);
    if (!this.#started) {
      if (this.#length < 3) return;
      this.#skipByteOrderMark();
    }
    this.#scan(false);
  }

  /** Consumes the rest: the last token and sentence. */
  end(): void {
    if (!this.#started) this.#skipByteOrderMark();
    this.#scan(true);
    this.#endSentence();
  }

  #skipByteOrderMark(): void {
    const b = this.#buffer;
    if (this.#length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.#position = 3;
    this.#started = true;
  }

  #append(chunk: Uint8Array): void {
    if (this.#length + chunk.length > this.#buffer.length) {
      // Drop what is consumed, then grow if the rest and the chunk still do not fit.
      const keep = this.#tokenStart >= 0 ? this.#tokenStart : this.#position;
      if (keep > 0) {
        this.#buffer.copyWithin(0, keep, this.#length);
        this.#length -= keep;
        this.#position -= keep;
        if (this.#tokenStart >= 0) this.#tokenStart -= keep;
      }
      if (this.#length + chunk.length > this.#buffer.length) {
        const bigger = new Uint8Array(Math.max(2 * this.#buffer.length, this.#length + chunk.length));
        bigger.set(this.#buffer.subarray(0, this.#length));
        this.#buffer = bigger;
      }
    }
    this.#buffer.set(chunk, this.#length);
    this.#length += chunk.length;
  }

  #scan(final: boolean): void {
    const bytes = this.#buffer;
    const end = this.#length;
    let i = this.#position;
    let tokenStart = this.#tokenStart;
    while (i < end) {
      let space = whitespaceLength(bytes, i, end);
      if (space < 0) {
        if (!final) break;
        space = 0;
      }
      if (space === 0) {
        if (tokenStart < 0) tokenStart = i;
        i++;
        continue;
      }
      if (tokenStart >= 0) {
        this.#token(bytes, tokenStart, i);
        tokenStart = -1;
      }
      if (bytes[i] === LINE_FEED) this.#endSentence();
      i += space;
    }
    if (final && tokenStart >= 0) {
      this.#token(bytes, tokenStart, end);
      tokenStart = -1;
    }
    this.#position = i;
    this.#tokenStart = tokenStart;
  }

  #token(bytes: Uint8Array, start: number, end: number): void {
    const word = this.table.count(bytes, start, end);
    this.tokens++;
    const record = this.record;
    if (record !== undefined) {
      if (this.tokens > this.#limit) this.record = undefined;
      else record.ids.push(word);
    }
    if (++this.#lineTokens === this.#maxSentenceLength) this.#endSentence();
  }

  #endSentence(): void {
    if (this.#lineTokens === 0) return;
    this.record?.starts.push(this.record.ids.length);
    this.#lineTokens = 0;
  }
}

/**
 * Counts the words of a UTF-8 text file exactly as reading it with {@link readSentences} and the
 * default {@link whitespaceTokenizer} would (one sentence per line, long lines cut into pieces of
 * `maxSentenceLength` tokens, a leading byte-order mark skipped, invalid UTF-8 as U+FFFD), but on
 * the bytes: a token is hashed where it lies in the read buffer and decoded only the first time
 * its bytes appear, so the common case allocates nothing per token. Records the tokens into
 * `record` while at most `limit` were read.
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
  const { signal } = options;
  const what = `reading ${path}`;
  throwIfAborted(signal, what);
  const scanner = new ByteScanner(record, limit, options.maxSentenceLength);
  record?.begin?.(scanner.table.words);
  for await (const chunk of fileChunks(path, options.chunkSize)) {
    throwIfAborted(signal, what);
    scanner.push(chunk);
    progress.update(scanner.tokens);
  }
  scanner.end();
  return {
    words: scanner.table.words,
    counts: scanner.table.counts,
    tokens: scanner.tokens,
    recorded: scanner.record !== undefined,
  };
}
