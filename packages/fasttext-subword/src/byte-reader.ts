import { FormatError, throwIfAborted } from '@embedkit/core-math';

/** Random access to the bytes of a file or buffer. */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** Copies up to `target.length` bytes from `position` into `target`; resolves to the count copied. */
  read(position: number, target: Uint8Array): Promise<number>;
}

/** A {@link ByteSource} over bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(position, target) {
      const chunk = bytes.subarray(position, position + target.length);
      target.set(chunk);
      return Promise.resolve(chunk.length);
    },
  };
}

const WINDOW = 1 << 20;
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A little-endian reader over a {@link ByteSource} that keeps a window of the file in memory.
 * Callers `await ensure(n)` before synchronous reads of `n` bytes; every problem becomes a
 * {@link FormatError} naming the file and the byte offset.
 */
export class ByteReader {
  /** The file's name in error messages. */
  readonly file: string;
  readonly #source: ByteSource;
  #buffer: Uint8Array;
  #view: DataView;
  /** File position of `#buffer[0]`. */
  #start = 0;
  /** Read position inside `#buffer`. */
  #pos = 0;

  constructor(source: ByteSource, file: string) {
    this.#source = source;
    this.file = file;
    this.#buffer = new Uint8Array(0);
    this.#view = new DataView(this.#buffer.buffer);
  }

  /** Total length of the file in bytes. */
  get size(): number {
    return this.#source.size;
  }

  /** The file position of the next byte to read. */
  get offset(): number {
    return this.#start + this.#pos;
  }

  /** Bytes left in the file after the read position. */
  get remaining(): number {
    return this.#source.size - this.offset;
  }

  /** Bytes already in memory after the read position. */
  get buffered(): number {
    return this.#buffer.length - this.#pos;
  }

  /** A {@link FormatError} at `offset` (default: the read position). */
  error(expected: string, found?: string, offset = this.offset): FormatError {
    return new FormatError({ file: this.file, offset }, expected, found);
  }

  /** Makes `n` bytes available for synchronous reads, or throws a truncation error about `what`. */
  async ensure(n: number, what: string): Promise<void> {
    if (this.buffered >= n) return;
    if (this.remaining < n) {
      throw this.error(`${n} bytes of ${what}`, `end of file after ${this.remaining} bytes (truncated file)`);
    }
    const kept = this.#buffer.subarray(this.#pos);
    const capacity = Math.min(Math.max(WINDOW, n * 2), this.remaining);
    const next = new Uint8Array(capacity);
    next.set(kept);
    let filled = kept.length;
    const base = this.offset;
    while (filled < capacity) {
      const got = await this.#source.read(base + filled, next.subarray(filled));
      if (got <= 0) break;
      filled += got;
    }
    if (filled < n) {
      throw this.error(
        `${n} bytes of ${what}`,
        `end of file after ${filled} bytes (the file shrank while reading)`,
      );
    }
    this.#buffer = next.subarray(0, filled);
    this.#view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, this.#buffer.byteLength);
    this.#start = base;
    this.#pos = 0;
  }

  /** Reads a byte (call {@link ByteReader.ensure} first). */
  u8(): number {
    return this.#buffer[this.#pos++]!;
  }

  /** Reads a little-endian int32 (call {@link ByteReader.ensure} first). */
  i32(): number {
    const value = this.#view.getInt32(this.#pos, true);
    this.#pos += 4;
    return value;
  }

  /** Reads a little-endian float64 (call {@link ByteReader.ensure} first). */
  f64(): number {
    const value = this.#view.getFloat64(this.#pos, true);
    this.#pos += 8;
    return value;
  }

  /**
   * Reads a little-endian int64 (call {@link ByteReader.ensure} first); throws when it is outside
   * `min..max` (both within the safe-integer range) so callers never see an imprecise value.
   */
  i64(what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const at = this.offset;
    const raw = this.#view.getBigInt64(this.#pos, true);
    this.#pos += 8;
    if (raw < BigInt(min) || raw > BigInt(max) || raw > MAX_SAFE) {
      throw this.error(`${what} from ${min} to ${max}`, String(raw), at);
    }
    return Number(raw);
  }

  /**
   * Reads bytes up to (not including) the next NUL and skips the NUL; `what` names the field for
   * the truncation error. Returns a view that is valid until the next read.
   */
  async cString(what: string): Promise<Uint8Array> {
    for (;;) {
      const end = this.#buffer.indexOf(0, this.#pos);
      if (end >= 0) {
        const text = this.#buffer.subarray(this.#pos, end);
        this.#pos = end + 1;
        return text;
      }
      if (this.buffered >= this.remaining) {
        throw this.error(`a NUL-terminated ${what}`, 'end of file (truncated file)');
      }
      await this.ensure(this.buffered + 1, what);
    }
  }

  /**
   * Fills `target` with little-endian float32 values read from the file, in chunks, checking
   * `signal` between chunks. Call only after checking that the file holds enough bytes.
   */
  async floats(target: Float32Array, what: string, signal?: AbortSignal): Promise<void> {
    const bytes = target.length * 4;
    if (this.remaining < bytes) {
      throw this.error(
        `${bytes} bytes of ${what}`,
        `end of file after ${this.remaining} bytes (truncated file)`,
      );
    }
    const out = new Uint8Array(target.buffer, target.byteOffset, bytes);
    if (bytes <= this.buffered) {
      out.set(this.#buffer.subarray(this.#pos, this.#pos + bytes));
      this.#pos += bytes;
    } else {
      let filled = this.buffered;
      out.set(this.#buffer.subarray(this.#pos));
      let position = this.#start + this.#buffer.length;
      while (filled < bytes) {
        throwIfAborted(signal, 'loading the model');
        const chunk = out.subarray(filled, Math.min(bytes, filled + 16 * WINDOW));
        const got = await this.#source.read(position, chunk);
        if (got <= 0)
          throw this.error(`${bytes} bytes of ${what}`, 'end of file (the file shrank while reading)');
        filled += got;
        position += got;
      }
      this.#buffer = new Uint8Array(0);
      this.#start = position;
      this.#pos = 0;
    }
    if (!littleEndian) {
      const view = new DataView(out.buffer, out.byteOffset, bytes);
      for (let i = 0; i < target.length; i++) target[i] = view.getFloat32(i * 4, true);
    }
  }
}
