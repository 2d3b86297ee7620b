import { type TrainingCorpus, throwIfAborted } from '@embedkit/core-math';
import type { ResolvedSentenceOptions, SentenceOptions } from './options.js';
import { whitespaceTokenizer } from './tokenizers.js';
import { FNV_OFFSET, fnv1aStep } from './byte-string-table.js';
import { fileChunks } from '#file-chunks';

/**
 * What a {@link ByteScanner} hands its tokens and sentence ends to. A token's bytes are valid only
 * during the call (they lie in the scanner's buffer, which the next chunk may overwrite).
 */
export interface ScannedTokens {
  /** A token: the bytes `bytes[start..end)`, whose FNV-1a hash (`fnv1a` of the byte-string table) is `hash`. */
  token(bytes: Uint8Array, start: number, end: number, hash: number): void;
  /** The end of a sentence that has at least one token: a line end, or `maxSentenceLength` tokens. */
  endSentence(): void;
}

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
 * Cuts UTF-8 bytes into tokens and sentences as they arrive, exactly as reading the decoded text with
 * {@link readSentences} and the default {@link whitespaceTokenizer} would (one sentence per line,
 * long lines cut into pieces of `maxSentenceLength` tokens, a leading byte-order mark skipped): a
 * growing buffer holds the bytes not consumed yet (an unfinished token, or the start of a character
 * that may be whitespace), and each token is handed over where it lies, without a string.
 */
export class ByteScanner {
  readonly #tokens: ScannedTokens;
  readonly #maxSentenceLength: number;
  #buffer = new Uint8Array(1 << 16);
  #length = 0;
  /** Next byte to look at. */
  #position = 0;
  /** Start of the token being read, or -1. */
  #tokenStart = -1;
  /** FNV-1a hash of the token's bytes read so far (hashed as they are scanned, not read again). */
  #tokenHash = FNV_OFFSET | 0;
  #lineTokens = 0;
  /** Whether the start of the file (a byte-order mark or not) is decided. */
  #started = false;

  constructor(tokens: ScannedTokens, maxSentenceLength: number) {
    this.#tokens = tokens;
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
    let hash = this.#tokenHash;
    while (i < end) {
      const b = bytes[i]!;
      let space = whitespaceLength(bytes, i, end);
      if (space < 0) {
        if (!final) break;
        space = 0;
      }
      if (space === 0) {
        if (tokenStart < 0) {
          tokenStart = i;
          hash = FNV_OFFSET | 0;
        }
        hash = fnv1aStep(hash, b);
        i++;
        continue;
      }
      if (tokenStart >= 0) {
        this.#token(bytes, tokenStart, i, hash);
        tokenStart = -1;
      }
      if (b === LINE_FEED) this.#endSentence();
      i += space;
    }
    if (final && tokenStart >= 0) {
      this.#token(bytes, tokenStart, end, hash);
      tokenStart = -1;
    }
    this.#position = i;
    this.#tokenStart = tokenStart;
    this.#tokenHash = hash;
  }

  #token(bytes: Uint8Array, start: number, end: number, hash: number): void {
    this.#tokens.token(bytes, start, end, hash);
    if (++this.#lineTokens === this.#maxSentenceLength) this.#endSentence();
  }

  #endSentence(): void {
    if (this.#lineTokens === 0) return;
    this.#tokens.endSentence();
    this.#lineTokens = 0;
  }
}

/**
 * Reads the UTF-8 text file `path`, `chunkSize` bytes at a time, through a {@link ByteScanner} into
 * `tokens`, pausing (an empty yield) after each chunk and once after the end: the caller reports
 * progress there, or hands on what the chunk completed.
 *
 * @throws IoError when the file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function* scanFile(
  path: string,
  options: ResolvedSentenceOptions,
  tokens: ScannedTokens,
): AsyncGenerator<void> {
  const { signal } = options;
  const what = `reading ${path}`;
  throwIfAborted(signal, what);
  const scanner = new ByteScanner(tokens, options.maxSentenceLength);
  for await (const chunk of fileChunks(path, options.chunkSize)) {
    throwIfAborted(signal, what);
    scanner.push(chunk);
    yield;
  }
  scanner.end();
  yield;
}

/**
 * Whether `corpus` is read on its bytes ({@link ByteScanner}): a file path split by the default
 * {@link whitespaceTokenizer}. Any other corpus or tokenizer goes through the decoded text.
 */
export function readsFileBytes(corpus: TrainingCorpus, options: SentenceOptions): corpus is string {
  return typeof corpus === 'string' && (options.tokenizer ?? whitespaceTokenizer) === whitespaceTokenizer;
}
