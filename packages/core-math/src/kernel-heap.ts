import { ConfigError } from './errors.js';
import { type KernelMemory, MAXIMUM_PAGES, PAGE_BYTES } from './wasm-runtime.js';

// The heap lives in the memory itself, so every thread that attaches to the memory allocates
// from the same blocks. The first 64 bytes are its header (32-bit words):
const HEADER_WORDS = 16;
/** Word 0: MAGIC_VALUE once the heap is set up. */
const MAGIC = 0;
/** Word 1: the spin lock around every change of the block lists (0 free, 1 held). */
const LOCK = 1;
/** Word 2: the end of the bytes handed out so far; blocks are carved from here upwards. */
const TOP = 2;
/** Word 3: the first released block, in address order (0 when none). */
const FREE = 3;
/** Word 4: a counter the ownership probe increments. */
const PROBE = 4;
/** Words 5-8: random words that tell this memory from every other one. */
const ID = 5;
const ID_WORDS = 4;
const MAGIC_VALUE = 0x4b424d45;
const HEAP_START = HEADER_WORDS * 4;

// Every block starts with a 16-byte head (its size in bytes, head included; its state; when
// released, the next released block), then the data, so data is 16-byte aligned.
const HEAD_BYTES = 16;
const SIZE = 0;
const STATE = 1;
const NEXT = 2;
const IN_USE = 0x55534544;
const RELEASED = 0x46524545;
const MEMORY_BYTES = MAXIMUM_PAGES * PAGE_BYTES;

/** The most bytes one block can hold. */
export const MAX_BLOCK_BYTES = MEMORY_BYTES - HEAP_START - HEAD_BYTES;

/**
 * A thread-safe first-fit allocator over a shared kernel memory, with its state (header, block
 * heads, the address-ordered list of released blocks) in the memory, so all threads attached to
 * the memory share it. Changes take a spin lock in the header; they are a few list operations, so
 * waiting threads spin for microseconds. Adjacent released blocks merge, and a released block at
 * the top is handed back to the top; the memory itself never shrinks.
 */
export class KernelHeap {
  /** The memory the heap manages. */
  readonly memory: KernelMemory;
  readonly #header: Uint32Array;
  readonly #verdicts = new WeakMap<ArrayBufferLike, boolean>();

  private constructor(memory: KernelMemory) {
    this.memory = memory;
    this.#header = new Uint32Array(memory.buffer, 0, HEADER_WORDS);
  }

  /** Sets up an empty heap in a new, zeroed `memory`. */
  static create(memory: KernelMemory): KernelHeap {
    const heap = new KernelHeap(memory);
    const header = heap.#header;
    header[TOP] = HEAP_START;
    for (let i = 0; i < ID_WORDS; i++) header[ID + i] = Math.floor(Math.random() * 2 ** 32);
    Atomics.store(header, MAGIC, MAGIC_VALUE);
    return heap;
  }

  /**
   * The heap another thread set up in `memory`.
   *
   * @throws ConfigError when `memory` is not a shared memory with a kernel heap
   */
  static attach(memory: KernelMemory): KernelHeap {
    const buffer = memory.buffer;
    if (
      !(buffer instanceof SharedArrayBuffer) ||
      buffer.byteLength < HEAP_START ||
      Atomics.load(new Uint32Array(buffer, 0, HEADER_WORDS), MAGIC) !== MAGIC_VALUE
    ) {
      throw new ConfigError(
        'memory',
        'a memory without kernel arrays',
        'the memory kernelMemory() returns where the Wasm kernels were set up',
      );
    }
    return new KernelHeap(memory);
  }

  /**
   * Whether `buffer` holds the bytes of this heap's memory: the memory's current buffer, one of its
   * earlier (shorter) buffers, or one a thread received in a message. The verdict per buffer object
   * is remembered.
   */
  owns(buffer: ArrayBufferLike): boolean {
    let verdict = this.#verdicts.get(buffer);
    if (verdict === undefined) {
      verdict = this.#probe(buffer);
      this.#verdicts.set(buffer, verdict);
    }
    return verdict;
  }

  #probe(buffer: ArrayBufferLike): boolean {
    if (buffer === this.memory.buffer) return true;
    if (!(buffer instanceof SharedArrayBuffer) || buffer.byteLength < HEAP_START) return false;
    const theirs = new Uint32Array(buffer, 0, HEADER_WORDS);
    const ours = this.#header;
    if (theirs[MAGIC] !== ours[MAGIC]) return false;
    for (let i = ID; i < ID + ID_WORDS; i++) if (theirs[i] !== ours[i]) return false;
    // The same header can also be a copy of the memory (SharedArrayBuffer.prototype.slice): only
    // the memory itself sees a write made through this heap.
    const token = (Atomics.add(ours, PROBE, 1) + 1) >>> 0;
    return ((Atomics.load(theirs, PROBE) - token) | 0) >= 0;
  }

  /**
   * Reserves a block for `bytes` bytes (at most {@link MAX_BLOCK_BYTES}), zero-filled, growing the
   * memory when no released block fits. Afterwards `memory.buffer` covers the block.
   *
   * @returns the byte address of the data, a multiple of 16
   * @throws ConfigError when the memory cannot grow enough
   */
  allocate(bytes: number): number {
    const size = HEAD_BYTES + Math.ceil(bytes / HEAD_BYTES) * HEAD_BYTES;
    const data = this.#locked(() => this.#reuse(size) ?? this.#extend(size, bytes)) + HEAD_BYTES;
    new Uint8Array(this.buffer(data + bytes), data, bytes).fill(0);
    return data;
  }

  /**
   * Returns the block whose data starts at `data` (and holds at least `bytes` bytes) to the heap.
   *
   * @throws ConfigError when no block in use starts there (never allocated, or released already)
   */
  release(data: number, bytes: number): void {
    this.#locked(() => {
      const words = this.#words(this.#header[TOP]!);
      const block = data - HEAD_BYTES;
      const head = block >>> 2;
      if (
        block < HEAP_START ||
        block % HEAD_BYTES !== 0 ||
        block >= words[TOP]! ||
        words[head + STATE] !== IN_USE ||
        words[head + SIZE]! < HEAD_BYTES + bytes
      ) {
        throw new ConfigError(
          'array',
          `${bytes} bytes at byte ${data} of the kernel memory`,
          'an array returned by allocateFloat32 or allocateInt32 that was not released yet',
        );
      }
      words[head + STATE] = RELEASED;
      // Find the released blocks before and after this one; `link` is the word pointing at `next`.
      let previous = 0;
      let previousLink = FREE;
      let link = FREE;
      let next = words[FREE]!;
      while (next !== 0 && next < block) {
        previous = next;
        previousLink = link;
        link = (next >>> 2) + NEXT;
        next = words[link]!;
      }
      let size = words[head + SIZE]!;
      if (next !== 0 && block + size === next) {
        size += words[(next >>> 2) + SIZE]!;
        next = words[(next >>> 2) + NEXT]!;
      }
      let start = block;
      let startLink = link;
      if (previous !== 0 && previous + words[(previous >>> 2) + SIZE]! === block) {
        start = previous;
        startLink = previousLink;
        size += words[(previous >>> 2) + SIZE]!;
      } else {
        words[link] = block;
      }
      if (start + size === words[TOP]) {
        words[TOP] = start;
        words[startLink] = 0;
      } else {
        words[(start >>> 2) + SIZE] = size;
        words[(start >>> 2) + NEXT] = next;
      }
    });
  }

  /** First fit among the released blocks; splits off the rest when it can hold another block. */
  #reuse(size: number): number | undefined {
    const words = this.#words(this.#header[TOP]!);
    let link = FREE;
    let block = words[FREE]!;
    while (block !== 0) {
      const head = block >>> 2;
      const blockSize = words[head + SIZE]!;
      if (blockSize >= size) {
        let successor = words[head + NEXT]!;
        if (blockSize - size >= 2 * HEAD_BYTES) {
          const rest = (block + size) >>> 2;
          words[rest + SIZE] = blockSize - size;
          words[rest + STATE] = RELEASED;
          words[rest + NEXT] = successor;
          words[head + SIZE] = size;
          successor = block + size;
        }
        words[link] = successor;
        words[head + STATE] = IN_USE;
        return block;
      }
      link = head + NEXT;
      block = words[link]!;
    }
    return undefined;
  }

  /**
   * A new block at the top, growing the memory as needed: at least doubling it, so that a run's
   * arrays see few growths (each growth gives later views a new buffer object).
   */
  #extend(size: number, bytes: number): number {
    const block = this.#header[TOP]!;
    const end = block + size;
    if (end > MEMORY_BYTES) throw this.#tooLarge(bytes);
    if (end > this.memory.buffer.byteLength) {
      const pages = this.memory.grow(0); // the current size, also when another thread grew it
      const needed = Math.ceil(end / PAGE_BYTES) - pages;
      if (needed > 0) {
        if (!this.#grow(Math.min(Math.max(needed, pages), MAXIMUM_PAGES - pages)) && !this.#grow(needed)) {
          throw this.#tooLarge(bytes);
        }
      }
    }
    const words = new Uint32Array(this.memory.buffer);
    words[TOP] = end;
    words[(block >>> 2) + SIZE] = size;
    words[(block >>> 2) + STATE] = IN_USE;
    return block;
  }

  /** Grows the memory by `pages`; false when the runtime refuses (a RangeError). */
  #grow(pages: number): boolean {
    try {
      this.memory.grow(pages);
      return true;
    } catch {
      return false;
    }
  }

  #tooLarge(bytes: number): ConfigError {
    const used = this.#header[TOP]!;
    return new ConfigError(
      'length',
      `${bytes} bytes`,
      `an array the kernel memory can still hold (4 GiB at most, ${used} bytes in use)`,
    );
  }

  /**
   * The memory's buffer, covering at least its first `bytes` bytes: when another thread grew the
   * memory, this thread's `memory.buffer` may still be the shorter one until a `grow(0)` refreshes it.
   */
  buffer(bytes: number): ArrayBufferLike {
    if (this.memory.buffer.byteLength < bytes) this.memory.grow(0);
    return this.memory.buffer;
  }

  #words(bytes: number): Uint32Array {
    return new Uint32Array(this.buffer(bytes));
  }

  #locked<T>(body: () => T): T {
    const header = this.#header;
    while (Atomics.compareExchange(header, LOCK, 0, 1) !== 0) {
      // Another thread is changing the block lists: a few list operations, so spin.
    }
    try {
      return body();
    } finally {
      Atomics.store(header, LOCK, 0);
    }
  }
}
