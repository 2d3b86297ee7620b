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

/** Records after a header that {@link looksBinary} inspects. */
const RECORDS_TO_INSPECT = 64;

/**
 * Whether the records after a header look binary: walking them as `word`, space, `4 * dim` bytes,
 * some value bytes hold a control byte or are not UTF-8, as float32 bytes almost always do and
 * text never does.
 */
function looksBinary(bytes: Uint8Array, start: number, dim: number): boolean {
  let pos = start;
  for (let record = 0; record < RECORDS_TO_INSPECT && pos < bytes.length; record++) {
    while (pos < bytes.length && bytes[pos] === NEWLINE) pos++;
    const space = bytes.indexOf(0x20, pos);
    if (space === -1) return false;
    pos = Math.min(bytes.length, space + 1 + 4 * dim);
    const values = bytes.subarray(space + 1, pos);
    if (values.some(isControl)) return true;
    try {
      // Streaming: value bytes that merely cut a character of a text line in two do not count.
      new TextDecoder('utf-8', { fatal: true }).decode(values, { stream: true });
    } catch {
      return true;
    }
  }
  return false;
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
 * file or only its beginning.
 *
 * @throws FormatError when the bytes hold neither a header nor a vector line
 */
export function sniffFormat(bytes: Uint8Array, complete: boolean, file: string): VectorFormat {
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
    return 'glove'; // a first line longer than the sample cannot be a header
  }
  const header = readHeader(bytes, first.start, first.end);
  // Without a header it is GloVe; the text reader reports any problem with the line itself.
  if (header === undefined) return 'glove';
  const second = nextNonBlankLine(bytes, first.next, complete);
  if (second === undefined) {
    // Nothing after the header, or a second "line" longer than the sample.
    return !complete && looksBinary(bytes, first.next, header.dim) ? 'word2vec-binary' : 'word2vec-text';
  }
  if (holdsValues(bytes, second, header.dim, scanner)) return 'word2vec-text';
  const binary =
    looksBinary(bytes, first.next, header.dim) ||
    (complete && walksAsBinary(bytes, first.next, header.count, header.dim));
  if (binary) return 'word2vec-binary';
  // "3 5" then "dog 0.5" is a one-dimensional GloVe file, not a header.
  if (holdsValues(bytes, first, 1, scanner) && holdsValues(bytes, second, 1, scanner)) return 'glove';
  // Otherwise the text reader reports what is wrong with the second line.
  return 'word2vec-text';
}
