const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A set of byte strings: an open-addressing table (FNV-1a hashes, linear probing, at most half
 * full) whose entries are numbered 0, 1, 2, … in order of insertion, so a caller keeps what it
 * knows of each byte string in arrays indexed by entry. The bytes are copied into one arena; a
 * lookup allocates nothing.
 */
export class ByteStringTable {
  /** Entry + 1 per slot, 0 when free; the size is a power of two. */
  #slots = new Int32Array(1 << 16);
  #hashes = new Uint32Array(1 << 15);
  #offsets = new Int32Array(1 << 15);
  #lengths = new Int32Array(1 << 15);
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

  /** The entry of `bytes[start..end)`, or -1 when it has none (then {@link ByteStringTable.insert} may add it). */
  find(bytes: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    hash >>>= 0;
    const length = end - start;
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]! - 1;
      if (entry < 0) {
        this.#missHash = hash;
        this.#missSlot = slot;
        return -1;
      }
      if (
        this.#hashes[entry] === hash &&
        this.#lengths[entry] === length &&
        this.#same(entry, bytes, start)
      ) {
        return entry;
      }
    }
  }

  /** Adds `bytes[start..end)`, which the last call of {@link ByteStringTable.find} did not find; returns its entry. */
  insert(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.#entries;
    if (entry === this.#hashes.length) this.#growEntries();
    const length = end - start;
    if (this.#arenaLength + length > this.#arena.length) {
      const arena = new Uint8Array(Math.max(2 * this.#arena.length, this.#arenaLength + length));
      arena.set(this.#arena.subarray(0, this.#arenaLength));
      this.#arena = arena;
    }
    this.#arena.set(bytes.subarray(start, end), this.#arenaLength);
    this.#hashes[entry] = this.#missHash;
    this.#offsets[entry] = this.#arenaLength;
    this.#lengths[entry] = length;
    this.#arenaLength += length;
    this.#slots[this.#missSlot] = entry + 1;
    this.#missSlot = -1;
    this.#entries = entry + 1;
    if (2 * this.#entries > this.#slots.length) this.#rehash();
    return entry;
  }

  #same(entry: number, bytes: Uint8Array, start: number): boolean {
    const arena = this.#arena;
    const offset = this.#offsets[entry]!;
    const length = this.#lengths[entry]!;
    for (let k = 0; k < length; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  #growEntries(): void {
    this.#hashes = grow(this.#hashes);
    this.#offsets = grow(this.#offsets);
    this.#lengths = grow(this.#lengths);
  }

  #rehash(): void {
    const slots = new Int32Array(2 * this.#slots.length);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.#entries; entry++) {
      let slot = this.#hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
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
