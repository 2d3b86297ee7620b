import type { FileHandle } from 'node:fs/promises';
import { FormatError, IoError, isEmbeddingError, openRegularFile } from '@embedkit/core-math';
import { writeFileAtomic } from '@embedkit/vector-io';
import { sharedFloat32Array } from './shared-arrays.js';

/**
 * The container of a saved {@link Word2VecModel}:
 *
 * | bytes | content |
 * | --- | --- |
 * | 8 | the magic `EKW2VEC1` (ASCII) |
 * | 4 | header length `H`, unsigned little-endian |
 * | H | the header, UTF-8 JSON (options, vocabulary, random state, matrix shapes) |
 * | 0-3 | zero bytes, up to a multiple of 4 from the start of the file |
 * | … | each matrix of the header's `matrices` list in turn, row-major float32 little-endian |
 */
export const MODEL_MAGIC = 'EKW2VEC1';

/** A matrix stored in a model file. */
export interface StoredMatrix {
  /** What it is (`input`, `output`, `nodes`). */
  readonly name: string;
  /** Rows. */
  readonly rows: number;
  /** Columns (the vector dimension). */
  readonly cols: number;
}

/** What {@link readModelFile} returns: the parsed header and the matrices, in shared memory. */
export interface ModelFileContents {
  /** The header object (checked to be an object; its fields are the caller's to check). */
  readonly header: Record<string, unknown>;
  /** The matrices by name, each `rows x cols` floats over a `SharedArrayBuffer`. */
  readonly matrices: ReadonlyMap<string, Float32Array>;
}

const PREFIX_BYTES = 12;
const CHUNK_FLOATS = 1 << 18;

function paddedLength(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}

/**
 * Writes `header` (plus the `matrices` shapes) and the matrices' floats to `path` with
 * `writeFileAtomic` of @embedkit/vector-io (a temporary file in the same folder, flushed, then
 * renamed), so a failed save leaves an existing file as it was.
 *
 * @throws IoError when the file cannot be written
 */
export async function writeModelFile(
  path: string,
  header: Record<string, unknown>,
  matrices: ReadonlyArray<StoredMatrix & { readonly data: Float32Array }>,
): Promise<void> {
  const headerBytes = Buffer.from(
    JSON.stringify({ ...header, matrices: matrices.map(({ name, rows, cols }) => ({ name, rows, cols })) }),
    'utf8',
  );
  const prefix = Buffer.alloc(paddedLength(PREFIX_BYTES + headerBytes.length));
  prefix.write(MODEL_MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(prefix, PREFIX_BYTES);
  await writeFileAtomic(path, modelChunks(prefix, matrices));
}

/** The prefix, then the matrices as little-endian float32, through one reused buffer. */
function* modelChunks(
  prefix: Uint8Array,
  matrices: ReadonlyArray<{ readonly data: Float32Array }>,
): Generator<Uint8Array> {
  yield prefix;
  const chunk = Buffer.alloc(4 * CHUNK_FLOATS);
  for (const { data } of matrices) {
    for (let start = 0; start < data.length; start += CHUNK_FLOATS) {
      const count = Math.min(CHUNK_FLOATS, data.length - start);
      for (let i = 0; i < count; i++) chunk.writeFloatLE(data[start + i]!, 4 * i);
      yield chunk.subarray(0, 4 * count);
    }
  }
}

/**
 * Reads a file written by {@link writeModelFile}, checking the magic, the header and that the
 * matrices the header announces are exactly what the file holds before allocating them.
 *
 * @throws FormatError when the file is not such a container (with the byte offset)
 * @throws IoError when the file cannot be read
 */
export async function readModelFile(path: string): Promise<ModelFileContents> {
  let handle: FileHandle | undefined;
  try {
    const opened = await openRegularFile(path);
    handle = opened.handle;
    const fileSize = opened.size;
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, PREFIX_BYTES, 0);
    if (bytesRead < PREFIX_BYTES || prefix.toString('ascii', 0, 8) !== MODEL_MAGIC) {
      throw new FormatError(
        { file: path, offset: 0 },
        `the magic ${MODEL_MAGIC} of an embedkit word2vec model`,
      );
    }
    const headerLength = prefix.readUInt32LE(8);
    if (PREFIX_BYTES + headerLength > fileSize) {
      throw new FormatError(
        { file: path, offset: 8 },
        `a header length within the file (${fileSize - PREFIX_BYTES} bytes)`,
        String(headerLength),
      );
    }
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, PREFIX_BYTES);
    const header = parseHeader(path, headerBytes);
    const shapes = storedMatrices(path, header.matrices);
    let offset = paddedLength(PREFIX_BYTES + headerLength);
    const expectedSize = shapes.reduce((size, { rows, cols }) => size + 4 * rows * cols, offset);
    if (expectedSize !== fileSize) {
      throw new FormatError(
        { file: path, offset: Math.min(expectedSize, fileSize) },
        `${expectedSize} bytes for the matrices the header lists`,
        `${fileSize} bytes`,
      );
    }
    const matrices = new Map<string, Float32Array>();
    const chunk = Buffer.alloc(4 * CHUNK_FLOATS);
    for (const { name, rows, cols } of shapes) {
      const data = sharedFloat32Array(rows * cols);
      for (let start = 0; start < data.length; start += CHUNK_FLOATS) {
        const count = Math.min(CHUNK_FLOATS, data.length - start);
        await handle.read(chunk, 0, 4 * count, offset);
        for (let i = 0; i < count; i++) data[start + i] = chunk.readFloatLE(4 * i);
        offset += 4 * count;
      }
      matrices.set(name, data);
    }
    return { header, matrices };
  } catch (error) {
    if (isEmbeddingError(error)) throw error;
    throw new IoError(path, `cannot read the model: ${(error as Error).message}`, error);
  } finally {
    await handle?.close().catch(() => {});
  }
}

function parseHeader(path: string, bytes: Buffer): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new FormatError({ file: path, offset: PREFIX_BYTES }, 'a JSON header', (error as Error).message);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new FormatError({ file: path, offset: PREFIX_BYTES }, 'a JSON object as header');
  }
  return header as Record<string, unknown>;
}

function storedMatrices(path: string, value: unknown): StoredMatrix[] {
  const where = { file: path, offset: PREFIX_BYTES };
  if (!Array.isArray(value)) throw new FormatError(where, 'a "matrices" list in the header');
  return value.map((entry: unknown, i) => {
    const { name, rows, cols } = (entry ?? {}) as Partial<Record<keyof StoredMatrix, unknown>>;
    const count = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (typeof name !== 'string' || !count(rows) || !count(cols)) {
      throw new FormatError(where, `matrices[${i}]: { name, rows, cols } with non-negative integer sizes`);
    }
    return { name, rows, cols };
  });
}
