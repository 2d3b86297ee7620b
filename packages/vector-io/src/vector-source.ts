import { ConfigError, IoError } from '@embedkit/core-math';
import { openForReading } from '#open-file';
import type { ReadableFile } from './file-reading.js';

/**
 * Where vectors are read from: a file path (Node only), a `Blob` (a browser's `File` from a file
 * picker or a drop is one) or a web `ReadableStream` of bytes (for example a `fetch` response body).
 */
export type VectorSource = string | Blob | ReadableStream<Uint8Array>;

/** A source's name in error messages: the path, the `File`'s name, or `<blob>` / `<stream>`. */
function sourceName(source: unknown): string {
  if (!(source instanceof Blob)) return '<stream>';
  return 'name' in source && typeof source.name === 'string' ? source.name : '<blob>';
}

/**
 * A `Blob` as a {@link ReadableFile}: each read slices the bytes it needs, so a large `File` is
 * never held whole in memory.
 */
export function blobFile(blob: Blob, name: string): ReadableFile {
  return {
    path: name,
    size: blob.size,
    async read(buffer, offset, length, position) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await blob.slice(position, position + length).arrayBuffer());
      } catch (cause) {
        throw new IoError(name, `cannot read the blob: ${(cause as Error).message}`, cause);
      }
      buffer.set(bytes, offset);
      return bytes.length;
    },
    close: async () => {},
  };
}

/**
 * Opens a {@link VectorSource} for chunked reading. A stream is first collected into a `Blob`
 * (reading a headerless GloVe file takes two passes, and the browser may keep a large blob on disk).
 *
 * @throws IoError when a path cannot be opened or a stream fails; ConfigError for a path in a
 *   browser or a value that is no source
 */
export async function openVectorSource(source: VectorSource): Promise<ReadableFile> {
  if (typeof source === 'string') return openForReading(source);
  const name = sourceName(source);
  if (source instanceof Blob) return blobFile(source, name);
  if (!(source instanceof ReadableStream)) {
    throw new ConfigError('source', source, 'a file path, a Blob or File, or a ReadableStream of bytes');
  }
  try {
    return blobFile(await new Response(source).blob(), name);
  } catch (cause) {
    throw new IoError(name, `cannot read the stream: ${(cause as Error).message}`, cause);
  }
}
