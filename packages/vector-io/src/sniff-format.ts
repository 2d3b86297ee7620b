/**
 * Tells the vector formats apart by content: a first line `V D` means a word2vec header; then the
 * next line either holds `word` and D numbers (text) or raw float32 bytes follow the word (binary).
 * Without a header the file is GloVe text.
 */
import { FormatError } from '@embedkit/core-math';
import { DecimalScanner } from './decimal-scanner.js';
import { readHeader } from './header.js';
import {
  byteOrderMarkLength,
  countValues,
  type LineBounds,
  NEWLINE,
  nextNonBlankLine,
  wordEnd,
} from './text-line.js';
import type { VectorFormat } from './vector-format.js';

/** Whether a line is a word followed by exactly `dim` finite numbers. */
function holdsValues(bytes: Uint8Array, line: LineBounds, dim: number, scanner: DecimalScanner): boolean {
  const space = wordEnd(bytes, line.start, line.end);
  return space !== -1 && countValues(bytes, space, line.end, scanner) === dim;
}

/** Control bytes never found in text files (tab, line feed and carriage return are fine). */
function isControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;
}

/** Records after a header that {@link inspectRecords} inspects. */
const RECORDS_TO_INSPECT = 64;

/**
 * What the records after a header look like, walking them as `word`, space, `4 * dim` bytes:
 * `'binary'` when some value bytes hold a control byte or are not UTF-8, as float32 bytes almost
 * always do and text never does; `'text'` when they do not; `'unknown'` when the bytes end before
 * the first record's values, however long its word (the caller reads more).
 */
function inspectRecords(bytes: Uint8Array, start: number, dim: number): 'binary' | 'text' | 'unknown' {
  let pos = start;
  for (let record = 0; record < RECORDS_TO_INSPECT && pos < bytes.length; record++) {
    while (pos < bytes.length && bytes[pos] === NEWLINE) pos++;
    const space = bytes.indexOf(0x20, pos);
    if (space === -1) return record === 0 ? 'unknown' : 'text';
    pos = Math.min(bytes.length, space + 1 + 4 * dim);
    const values = bytes.subarray(space + 1, pos);
    if (values.some(isControl)) return 'binary';
    try {
      // Streaming: value bytes that merely cut a character of a text line in two do not count.
      new TextDecoder('utf-8', { fatal: true }).decode(values, { stream: true });
    } catch {
      return 'binary';
    }
    if (record === 0 && values.length < 4 * dim && !bytes.subarray(space + 1).includes(NEWLINE)) {
      return 'unknown';
    }
  }
  return 'text';
}

/**
 * Whether a whole file after its header is exactly `count` binary records (`word`, space,
 * `4 * dim` bytes, optional line breaks) — what a binary file is and a text file almost never is.
 */
function walksAsBinary(bytes: Uint8Array, start: number, count: number, dim: number): boolean {
  let pos = start;
  for (let record = 0; record < count; record++) {
    while (pos < bytes.length && bytes[pos] === NEWLINE) pos++;
    const space = bytes.indexOf(0x20, pos);
    if (space === -1 || space + 1 + 4 * dim > bytes.length) return false;
    pos = space + 1 + 4 * dim;
  }
  while (pos < bytes.length && bytes[pos] === NEWLINE) pos++;
  return pos === bytes.length;
}

/**
 * The format of a vector file from its first bytes. `complete` says whether `bytes` is the whole
 * file or only its beginning; for a beginning, `undefined` means the bytes do not tell yet (the
 * first word after a header runs past them) and the caller should look at more.
 *
 * @throws FormatError when the bytes hold neither a header nor a vector line
 */
export function sniffFormat(bytes: Uint8Array, complete: boolean, file: string): VectorFormat | undefined {
  const scanner = new DecimalScanner();
  const start = Math.max(0, byteOrderMarkLength(bytes, 0, true));
  const first = nextNonBlankLine(bytes, start, complete);
  if (first === undefined) {
    if (complete) {
      throw new FormatError(
        { file, line: 1 },
        'a header line "V D" or a vector line "word v1 … vD"',
        'an empty file',
      );
    }
    refuseBinaryFirstLine(bytes, start, bytes.length, file);
    return 'glove'; // a first line longer than the sample cannot be a header
  }
  const header = readHeader(bytes, first.start, first.end);
  if (header === undefined) {
    refuseBinaryFirstLine(bytes, first.start, first.end, file);
    // Without a header it is GloVe; the text reader reports any problem with the line itself.
    return 'glove';
  }
  const second = nextNonBlankLine(bytes, first.next, complete);
  // Nothing after the header.
  if (second === undefined && complete) return 'word2vec-text';
  if (second !== undefined && holdsValues(bytes, second, header.dim, scanner)) return 'word2vec-text';
  const records = inspectRecords(bytes, first.next, header.dim);
  if (records === 'binary') return 'word2vec-binary';
  // A first record longer than the sample: binary or text cannot be told from it yet.
  if (!complete && records === 'unknown') return undefined;
  if (second === undefined) return 'word2vec-text';
  if (complete && walksAsBinary(bytes, first.next, header.count, header.dim)) return 'word2vec-binary';
  // "3 5" then "dog 0.5" is a one-dimensional GloVe file, not a header.
  if (holdsValues(bytes, first, 1, scanner) && holdsValues(bytes, second, 1, scanner)) return 'glove';
  // Otherwise the text reader reports what is wrong with the second line.
  return 'word2vec-text';
}

/**
 * Throws when the first line of a file without a header holds bytes no text file has: it is then
 * none of the formats (a fastText `.bin` with a wrong magic number, an image, a compressed file).
 */
function refuseBinaryFirstLine(bytes: Uint8Array, start: number, end: number, file: string): void {
  const at = bytes.subarray(start, end).findIndex(isControl);
  if (at === -1) return;
  throw new FormatError(
    { file, offset: start + at },
    `a vector file: a fastText .bin (magic number 0x${FASTTEXT_MAGIC_HEX}), a word2vec header "V D" or a GloVe line "word v1 … vD"`,
    `the binary byte 0x${bytes[start + at]!.toString(16).padStart(2, '0')} in the first line, so it is not a fastText, word2vec or GloVe file`,
  );
}

/** fastText's magic number (0x2F4F16BA, little-endian in the file), named in errors only. */
const FASTTEXT_MAGIC_HEX = '2F4F16BA';
