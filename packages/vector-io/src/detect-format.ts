import { type ReadableFile, readPrefix } from './file-reading.js';
import { MAX_HEADER_BYTES } from './header.js';
import { maxTextLineBytes } from './record-limits.js';
import { sniffFormat } from './sniff-format.js';
import type { VectorFormat } from './vector-format.js';
import { openVectorSource, type VectorSource } from './vector-source.js';

/** How much of a file {@link detectFormat} looks at. */
const SNIFF_BYTES = 1 << 20;

/**
 * Detects a vector file's format from its content: binary vs text (the bytes after the word on
 * the first vector line are numbers or raw float32), and header (`V D`, word2vec / fastText) vs no
 * header (GloVe). Text with a header is reported as `'word2vec-text'` (fastText's `.vec` is the
 * same format). Given a path, `Blob` or stream it reads only the first megabyte and returns a
 * promise.
 *
 * @throws FormatError for an empty file; IoError when the file cannot be read
 */
export function detectFormat(bytes: Uint8Array): VectorFormat;
export function detectFormat(source: VectorSource): Promise<VectorFormat>;
export function detectFormat(input: Uint8Array | VectorSource): VectorFormat | Promise<VectorFormat> {
  if (input instanceof Uint8Array) return sniffFormat(input, true, '<buffer>')!;
  return detectSourceFormat(input);
}

/**
 * {@link detectFormat} for an open file: sniffs its first megabyte, and more (doubling) while the
 * first record after a header is longer than what was read, up to the longest record a reader
 * accepts (past that the reader reports the record as too long).
 */
export async function sniffFile(file: ReadableFile): Promise<VectorFormat> {
  const longest = MAX_HEADER_BYTES + maxTextLineBytes(undefined);
  let length = Math.max(1, Math.min(SNIFF_BYTES, file.size));
  for (;;) {
    const { bytes, complete } = await readPrefix(file, length);
    const format = sniffFormat(bytes, complete, file.path);
    if (format !== undefined) return format;
    if (length >= longest) return 'word2vec-text';
    length = Math.min(2 * length, file.size, longest);
  }
}

async function detectSourceFormat(source: VectorSource): Promise<VectorFormat> {
  const file = await openVectorSource(source);
  try {
    return await sniffFile(file);
  } finally {
    await file.close();
  }
}
