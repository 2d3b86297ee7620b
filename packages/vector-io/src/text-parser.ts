/**
 * Reader of the text formats: word2vec text / fastText `.vec` (a `V D` header line first) and
 * GloVe (no header; the dimension is the number of values on the first line).
 */
import { type FileLocation, FormatError, IoError, type WordVectors } from '@embedkit/core-math';
import { DecimalScanner } from './decimal-scanner.js';
import { describeBytes } from './describe-bytes.js';
import { checkHeaderAgainstSize, HEADER_EXPECTED, MAX_HEADER_BYTES, requireHeader } from './header.js';
import { MAX_WORD_BYTES, maxTextLineBytes } from './record-limits.js';
import {
  byteOrderMarkLength,
  countTokens,
  NEWLINE,
  SPACE,
  skipSeparators,
  TAB,
  tokenEnd,
  trimLineEnd,
  wordEnd,
} from './text-line.js';
import type { ParserInput, VectorParser } from './vector-parser.js';
import { VectorTable } from './vector-table.js';

/** Options of a {@link TextVectorParser}. */
export interface TextParserInput extends ParserInput {
  /** Whether the first line is a `V D` header (word2vec text, fastText `.vec`) or not (GloVe). */
  header: boolean;
  /**
   * For headerless files: an upper bound on the number of vector lines (the number of line
   * breaks plus one), which sizes the matrix before the first row is read.
   */
  maxLines?: number;
}

/** Parses text vector files line by line, straight from bytes into the matrix. */
export class TextVectorParser implements VectorParser {
  readonly #input: TextParserInput;
  readonly #scanner = new DecimalScanner();
  #table: VectorTable | undefined;
  /** Vector lines to read: the header's count (or unbounded for GloVe), capped by `limit`. */
  #target: number;
  /** Number of the last line read (1-based). */
  #line = 0;
  /** Bytes of the file consumed by earlier calls. */
  #consumed = 0;
  /** File offset up to which the unfinished line at the end of the last call was searched for `\n`. */
  #searchedTo = 0;
  #started = false;
  done = false;

  constructor(input: TextParserInput) {
    this.#input = input;
    this.#target = input.limit;
  }

  consume(bytes: Uint8Array, atEnd: boolean): number {
    let pos = 0;
    if (!this.#started) {
      const bom = byteOrderMarkLength(bytes, 0, atEnd);
      if (bom < 0) return 0;
      pos = bom;
      this.#started = true;
    }
    while (!this.done && pos < bytes.length) {
      // A line split over chunks is searched for its end only in the bytes not searched before.
      const newline = bytes.indexOf(NEWLINE, Math.max(pos, this.#searchedTo - this.#consumed));
      const lineEnd = newline === -1 ? bytes.length : newline;
      this.#checkLineLength(bytes, pos, lineEnd);
      if (newline === -1 && !atEnd) {
        this.#searchedTo = this.#consumed + bytes.length;
        break;
      }
      const next = newline === -1 ? bytes.length : newline + 1;
      this.#line++;
      this.#readLine(bytes, pos, trimLineEnd(bytes, pos, next), this.#consumed + next);
      pos = next;
    }
    this.#consumed += pos;
    return pos;
  }

  finish(): WordVectors {
    const { file } = this.#input;
    const table = this.#table;
    if (table === undefined) {
      throw new FormatError(
        { file, line: this.#line + 1 },
        this.#input.header ? 'a header line "V D"' : 'a line "word v1 … vD"',
        'the end of the file',
      );
    }
    if (this.#input.header && table.entries < this.#target) {
      throw new FormatError(
        { file, line: this.#line + 1 },
        `${this.#target} vectors as the header declares`,
        `the end of the file after ${table.entries}`,
      );
    }
    return table.finish();
  }

  /** Refuses a line (complete or not yet) longer than any vector line of the file's dimension. */
  #checkLineLength(bytes: Uint8Array, start: number, end: number): void {
    const location = { file: this.#input.file, line: this.#line + 1 };
    if (this.#input.header && this.#table === undefined && end - start > MAX_HEADER_BYTES) {
      throw new FormatError(location, HEADER_EXPECTED, describeBytes(bytes, start, end));
    }
    const max = maxTextLineBytes(this.#table?.dim);
    if (end - start <= max) return;
    const what = this.#table === undefined ? 'the first vector line' : `a line of ${this.#table.dim} values`;
    throw new FormatError(
      location,
      `a line of at most ${max} bytes (the longest word, ${MAX_WORD_BYTES} bytes, and ${what})`,
      `${end - start} bytes without a line break: not a vector file, or a corrupt one`,
    );
  }

  #location(): FileLocation {
    return { file: this.#input.file, line: this.#line };
  }

  /** Reads one line: `end` excludes trailing whitespace; `offsetAfter` is the file offset of the next line. */
  #readLine(bytes: Uint8Array, start: number, end: number, offsetAfter: number): void {
    if (this.#input.header && this.#table === undefined) {
      this.#readHeader(bytes, start, end, offsetAfter);
      return;
    }
    if (start === end) return; // a blank line
    const space = wordEnd(bytes, start, end);
    if (space === -1) {
      const dim = this.#table === undefined ? '' : `${this.#table.dim} `;
      throw new FormatError(
        this.#location(),
        `a word, a space and ${dim}values`,
        describeBytes(bytes, start, end),
      );
    }
    const table = this.#table ?? this.#startHeaderless(bytes, space, end);
    if (table.nextOffset >= table.matrix.length) {
      // Only a headerless file that grew after its lines were counted gets here.
      throw new IoError(this.#input.file, 'the file changed while it was being read');
    }
    this.#readValues(bytes, space, end, table);
    const word = this.#input.decoder.decode(bytes, start, space);
    if (word === undefined) {
      throw new FormatError(
        this.#location(),
        `a word in valid ${this.#input.decoder.encoding}`,
        `invalid ${this.#input.decoder.encoding} in ${describeBytes(bytes, start, space)}`,
      );
    }
    table.commit(word);
    if (table.entries >= this.#target) this.done = true;
  }

  #readHeader(bytes: Uint8Array, start: number, end: number, offsetAfter: number): void {
    const { file, totalBytes, limit } = this.#input;
    const location = this.#location();
    const header = requireHeader(bytes, start, end, location);
    this.#target = Math.min(header.count, limit);
    // The shortest vector line is an empty word and D one-character values, each after a space.
    checkHeaderAgainstSize(header, this.#target, 2 * header.dim, totalBytes - offsetAfter, location);
    this.#table = new VectorTable(header.dim, this.#target, file);
    if (this.#target === 0) this.done = true;
  }

  /** A GloVe file's first vector line fixes the dimension: the number of values after the word. */
  #startHeaderless(bytes: Uint8Array, space: number, end: number): VectorTable {
    const dim = countTokens(bytes, space, end);
    if (dim === 0) {
      throw new FormatError(
        this.#location(),
        'a word followed by its values',
        describeBytes(bytes, space, end),
      );
    }
    // Every row needs at least 2 * dim bytes (each value and a separator): blank lines do not count.
    const fitting = Math.ceil(this.#input.totalBytes / (2 * dim));
    const rows = Math.min(this.#input.maxLines ?? this.#input.limit, this.#input.limit, fitting);
    this.#table = new VectorTable(dim, rows, this.#input.file);
    return this.#table;
  }

  /** Parses exactly `dim` finite numbers from `bytes[start, end)` into the table's next row. */
  #readValues(bytes: Uint8Array, start: number, end: number, table: VectorTable): void {
    const { dim, matrix } = table;
    const scanner = this.#scanner;
    const offset = table.nextOffset;
    let i = start;
    for (let j = 0; j < dim; j++) {
      i = skipSeparators(bytes, i, end);
      if (i >= end) throw new FormatError(this.#location(), `${dim} values after the word`, `${j}`);
      const value = scanner.scan(bytes, i, end);
      const stop = scanner.end;
      matrix[offset + j] = value;
      const stored = matrix[offset + j]!;
      if (
        stop === i ||
        (stop < end && bytes[stop] !== SPACE && bytes[stop] !== TAB) ||
        stored - stored !== 0
      ) {
        throw new FormatError(
          this.#location(),
          `a finite number as value ${j + 1} of ${dim}`,
          describeBytes(bytes, i, tokenEnd(bytes, i, end)),
        );
      }
      i = stop;
    }
    if (skipSeparators(bytes, i, end) < end) {
      throw new FormatError(
        this.#location(),
        `${dim} values after the word`,
        `${dim + countTokens(bytes, i, end)}`,
      );
    }
  }
}
