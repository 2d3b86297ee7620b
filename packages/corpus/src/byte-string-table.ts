/** FNV-1a's start value: the hash of an empty byte string. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The FNV-1a hash `hash` (of some bytes) extended by one more byte, as an int32. */
export function fnv1aStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME);
}

/**
 * The FNV-1a hash of `bytes[start..end)`, as a signed 32-bit integer (a small integer to V8, which
 * an unsigned value above 2^31 would not be).
 */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET | 0;
  for (let i = start; i < end; i++) hash = fnv1aStep(hash, bytes[i]!);
  return hash;
}

/**
 * A set of byte strings: an open-addressing table (FNV-1a hashes, linear probing, at most half
 * full) whose entries are numbered 0, 1, 2, … in order of insertion, so a caller keeps what it
 * knows of each byte string in arrays indexed by entry. The bytes are copied into one arena; a
 * lookup allocates nothing. A slot holds its entry and hash side by side, and an entry its arena
 * offset and length side by side, so a lookup that finds its word touches three places in memory
 * (slot, entry, bytes).
 */
export class ByteStringTable {
  /** Per slot: entry + 1 (0 when free), then the entry's hash; the slot count is a power of two. */
  #slots = new Int32Array(2 << 16);
  /** Per entry: arena offset, then length. */
  #entryBytes = new Int32Array(2 << 15);
  #entries = 0;
  #arena = new Uint8Array(1 << 20);
  #arenaLength = 0;
  /** Hash and free slot of the last {@link ByteStringTable.find} that found nothing. */
  #missHash = 0;
  #missSlot = -1;

  /** Number of entries. */
  get size(): number {
    return this.#entries;
  }

  /**
   * The entry of `bytes[start..end)`, or -1 when it has none (then {@link ByteStringTable.insert} may
   * add it). `hash` is {@link fnv1a} of those bytes, when the caller computed it already.
   */
  find(bytes: Uint8Array, start: number, end: number, hash = fnv1a(bytes, start, end)): number {
    const slots = this.#slots;
    const entryBytes = this.#entryBytes;
    const length = end - start;
    const mask = (slots.length >>> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) {
        this.#missHash = hash;
        this.#missSlot = slot;
        return -1;
      }
      if (
        slots[2 * slot + 1] === hash &&
        entryBytes[2 * entry + 1] === length &&
        this.#same(entryBytes[2 * entry]!, length, bytes, start)
      ) {
        return entry;
      }
    }
  }

  /** Adds `bytes[start..end)`, which the last call of {@link ByteStringTable.find} did not find; returns its entry. */
  insert(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.#entries;
    if (2 * entry === this.#entryBytes.length) this.#entryBytes = grow(this.#entryBytes);
    const length = end - start;
    if (this.#arenaLength + length > this.#arena.length) {
      const arena = new Uint8Array(Math.max(2 * this.#arena.length, this.#arenaLength + length));
      arena.set(this.#arena.subarray(0, this.#arenaLength));
      this.#arena = arena;
    }
    this.#arena.set(bytes.subarray(start, end), this.#arenaLength);
    this.#entryBytes[2 * entry] = this.#arenaLength;
    this.#entryBytes[2 * entry + 1] = length;
    this.#arenaLength += length;
    this.#slots[2 * this.#missSlot] = entry + 1;
    this.#slots[2 * this.#missSlot + 1] = this.#missHash;
    this.#missSlot = -1;
    this.#entries = entry + 1;
    if (4 * this.#entries > this.#slots.length) this.#rehash();
    return entry;
  }

  #same(offset: number, length: number, bytes: Uint8Array, start: number): boolean {
    const arena = this.#arena;
    for (let k = 0; k < length; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  /** Moves every entry into a table of twice as many slots. */
  #rehash(): void {
    const old = this.#slots;
    const slots = new Int32Array(2 * old.length);
    const mask = (slots.length >>> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      let slot = old[from + 1]! & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from]!;
      slots[2 * slot + 1] = old[from + 1]!;
    }
    this.#slots = slots;
  }
}

/** `array` copied into one twice as long. */
export function grow<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(2 * array.length);
  bigger.set(array);
  return bigger;
}
