/**
 * Reader of word2vec binary files: a `V D` header line, then per vector the word's UTF-8 bytes, a
 * space, and D little-endian float32. The C tool writes a `\n` after each vector and gensim does
 * not; like gensim, line breaks before a word are skipped.
 */
import { FormatError, type WordVectors } from '@embedkit/core-math';
import { describeBytes } from './describe-bytes.js';
import { checkHeaderAgainstSize, HEADER_EXPECTED, MAX_HEADER_BYTES, requireHeader } from './header.js';
import { MAX_WORD_BYTES } from './record-limits.js';
import { byteOrderMarkLength, NEWLINE, SPACE, trimLineEnd } from './text-line.js';
import type { ParserInput, VectorParser } from './vector-parser.js';
import { VectorTable } from './vector-table.js';

const FLOAT_BYTES = 4;

/** Parses word2vec binary files record by record, straight from bytes into the matrix. */
export class BinaryVectorParser implements VectorParser {
  readonly #input: ParserInput;
  #table: VectorTable | undefined;
  /** Vectors to read: the header's count capped by `limit`. */
  #target = 0;
  /** Bytes of the file consumed by earlier calls (the file offset of `bytes[0]`). */
  #consumed = 0;
  /** File offset up to which the unfinished word at the end of the last call was searched for a space. */
  #searchedTo = 0;
  #started = false;
  done = false;

  constructor(input: ParserInput) {
    this.#input = input;
  }

  consume(bytes: Uint8Array, atEnd: boolean): number {
    let pos = 0;
    if (!this.#started) {
      const bom = byteOrderMarkLength(bytes, 0, atEnd);
      if (bom < 0) return 0;
      pos = bom;
      this.#started = true;
    }
    if (this.#table === undefined) {
      const next = this.#readHeader(bytes, pos, atEnd);
      if (next < 0) return this.#advance(pos);
      pos = next;
    }
    return this.#advance(this.#readRecords(bytes, pos, atEnd));
  }

  finish(): WordVectors {
    const table = this.#table;
    if (table === undefined) {
      throw new FormatError(
        { file: this.#input.file, offset: this.#consumed },
        HEADER_EXPECTED,
        'the end of the file',
      );
    }
    if (table.entries < this.#target) {
      throw new FormatError(
        { file: this.#input.file, offset: this.#consumed },
        `${this.#target} vectors as the header declares`,
        `the end of the file after ${table.entries}`,
      );
    }
    return table.finish();
  }

  #advance(pos: number): number {
    this.#consumed += pos;
    return pos;
  }

  /** Reads the header line at `pos`; returns the index after it, or -1 when it is not complete yet. */
  #readHeader(bytes: Uint8Array, pos: number, atEnd: boolean): number {
    const { file, totalBytes, limit } = this.#input;
    const newline = bytes.indexOf(NEWLINE, pos);
    // A header is short: past MAX_HEADER_BYTES without a line break it is rejected, not awaited.
    if (newline === -1 && !atEnd && bytes.length - pos <= MAX_HEADER_BYTES) return -1;
    const next = newline === -1 ? bytes.length : newline + 1;
    const location = { file, offset: this.#consumed + pos };
    const header = requireHeader(bytes, pos, trimLineEnd(bytes, pos, next), location);
    this.#target = Math.min(header.count, limit);
    // The shortest record is an empty word, its space and D floats.
    const minRecord = FLOAT_BYTES * header.dim + 1;
    checkHeaderAgainstSize(header, this.#target, minRecord, totalBytes - (this.#consumed + next), location);
    this.#table = new VectorTable(header.dim, this.#target, file);
    if (this.#target === 0) this.done = true;
    return next;
  }

  /** Reads every complete record from `pos`; returns the index after the last one. */
  #readRecords(bytes: Uint8Array, start: number, atEnd: boolean): number {
    const table = this.#table!;
    const { dim, matrix } = table;
    const vectorBytes = FLOAT_BYTES * dim;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let pos = start;
    while (!this.done) {
      let wordStart = pos;
      while (wordStart < bytes.length && bytes[wordStart] === NEWLINE) wordStart++;
      // A word split over chunks is searched for its end only in the bytes not searched before.
      const space = bytes.indexOf(SPACE, Math.max(wordStart, this.#searchedTo - this.#consumed));
      this.#checkWordLength(wordStart, space === -1 ? bytes.length : space);
      const valuesStart = space + 1;
      if (space === -1 || valuesStart + vectorBytes > bytes.length) {
        if (atEnd) this.#truncated(bytes, wordStart, space, vectorBytes);
        if (space === -1) this.#searchedTo = this.#consumed + bytes.length;
        break;
      }
      const word = this.#input.decoder.decode(bytes, wordStart, space);
      if (word === undefined) {
        throw new FormatError(
          { file: this.#input.file, offset: this.#consumed + wordStart },
          `a word in valid ${this.#input.decoder.encoding}`,
          `invalid ${this.#input.decoder.encoding} in ${describeBytes(bytes, wordStart, space)}`,
        );
      }
      const offset = table.nextOffset;
      for (let j = 0; j < dim; j++) {
        const value = view.getFloat32(valuesStart + FLOAT_BYTES * j, true);
        if (value - value !== 0) this.#notFinite(value, valuesStart + FLOAT_BYTES * j, j, dim);
        matrix[offset + j] = value;
      }
      table.commit(word);
      if (table.entries >= this.#target) this.done = true;
      pos = valuesStart + vectorBytes;
    }
    return pos;
  }

  /** Refuses a word (complete or not yet) longer than {@link MAX_WORD_BYTES}. */
  #checkWordLength(start: number, end: number): void {
    if (end - start <= MAX_WORD_BYTES) return;
    throw new FormatError(
      { file: this.#input.file, offset: this.#consumed + start },
      `a word of at most ${MAX_WORD_BYTES} bytes and a space starting vector ${this.#table!.entries + 1} of ${this.#target}`,
      `${end - start} bytes without a space: not a vector file, or a corrupt one`,
    );
  }

  #truncated(bytes: Uint8Array, wordStart: number, space: number, vectorBytes: number): never {
    const { file } = this.#input;
    const entry = `vector ${this.#table!.entries + 1} of ${this.#target}`;
    if (space === -1) {
      throw new FormatError(
        { file, offset: this.#consumed + wordStart },
        `a word and a space starting ${entry}`,
        wordStart === bytes.length
          ? 'the end of the file'
          : `${describeBytes(bytes, wordStart, bytes.length)} and then the end of the file`,
      );
    }
    throw new FormatError(
      { file, offset: this.#consumed + space + 1 },
      `${vectorBytes} bytes of float32 values for ${entry}`,
      `${bytes.length - space - 1} bytes before the end of the file`,
    );
  }

  #notFinite(value: number, at: number, j: number, dim: number): never {
    throw new FormatError(
      { file: this.#input.file, offset: this.#consumed + at },
      `a finite float32 as value ${j + 1} of ${dim}`,
      String(value),
    );
  }
}
