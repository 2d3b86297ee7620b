/**
 * Writers of every format as a stream of byte chunks, so a large model is written to disk without
 * building the whole file in memory.
 */
import { NumericError, type WordVectors } from '@embedkit/core-math';
import { formatFloat32 } from './float32-format.js';
import type { VectorFormat } from './vector-format.js';
import { checkWritableWord } from './word-codec.js';

const encoder = new TextEncoder();

/** Size of the chunks {@link encodeVectors} yields (a longer line or record gets a larger one). */
const CHUNK_BYTES = 1 << 20;

/** A reusable output buffer that is handed out when full. */
class ChunkBuffer {
  bytes: Uint8Array;
  view: DataView;
  used = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Whether the buffer holds data and `size` more bytes would not fit: time to hand it out. */
  full(size: number): boolean {
    return this.used > 0 && this.used + size > this.bytes.length;
  }

  /** Makes room for `size` bytes in an empty buffer that is too small (a very long word or line). */
  reserve(size: number): void {
    if (this.used + size > this.bytes.length) {
      this.bytes = new Uint8Array(size);
      this.view = new DataView(this.bytes.buffer);
    }
  }

  float32(value: number): void {
    this.view.setFloat32(this.used, value, true);
    this.used += 4;
  }

  /** Appends a string as UTF-8 (the caller made sure 3 bytes per UTF-16 unit fit). */
  text(value: string): void {
    this.used += encoder.encodeInto(value, this.bytes.subarray(this.used)).written;
  }

  byte(value: number): void {
    this.bytes[this.used++] = value;
  }

  /** The filled part; the buffer is empty again afterwards (the view is only valid until the next write). */
  take(): Uint8Array {
    const filled = this.bytes.subarray(0, this.used);
    this.used = 0;
    return filled;
  }
}

function checkFinite(vectors: WordVectors, row: number, format: VectorFormat): void {
  const values = vectors.row(row);
  for (let j = 0; j < values.length; j++) {
    const value = values[j]!;
    if (value - value !== 0) {
      throw new NumericError(
        `cannot write ${format}: value ${j + 1} of the vector of ${JSON.stringify(vectors.keyAt(row))} is ${value}`,
      );
    }
  }
}

/** `word v1 … vD` with numpy-style shortest float32 text, as gensim writes. */
function textLine(vectors: WordVectors, row: number): string {
  const values = vectors.row(row);
  let line = vectors.keyAt(row);
  for (let j = 0; j < values.length; j++) line += ` ${formatFloat32(values[j]!)}`;
  return `${line}\n`;
}

/**
 * Yields the file of `vectors` in `format` as consecutive chunks. Each chunk is a view of a reused
 * buffer: consume it before asking for the next. Words and values are checked as they are
 * written, so a problem found in row N throws after earlier chunks were yielded.
 *
 * @throws ConfigError for a word the format cannot hold; NumericError for a NaN or infinite value
 */
export function* encodeVectors(
  vectors: WordVectors,
  format: VectorFormat,
): Generator<Uint8Array, void, undefined> {
  const out = new ChunkBuffer(CHUNK_BYTES);
  const binary = format === 'word2vec-binary';
  if (format !== 'glove') out.text(`${vectors.size} ${vectors.dim}\n`);
  const vectorBytes = 4 * vectors.dim;
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  for (let row = 0; row < vectors.size; row++) {
    const word = vectors.keyAt(row);
    checkWritableWord(word, format, row === 0);
    checkFinite(vectors, row, format);
    if (binary) {
      const size = 3 * word.length + vectorBytes + 2;
      if (out.full(size)) yield out.take();
      out.reserve(size);
      out.text(word);
      out.byte(0x20);
      const values = vectors.row(row);
      for (let j = 0; j < values.length; j++) out.float32(values[j]!);
      out.byte(0x0a);
    } else {
      const line = textLine(vectors, row);
      if (out.full(3 * line.length)) yield out.take();
      out.reserve(3 * line.length);
      out.text(line);
    }
  }
  if (out.used > 0) yield out.take();
}
