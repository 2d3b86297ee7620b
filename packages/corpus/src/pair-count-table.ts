/**
 * Counts of integer pairs `(a, b)` in an open-addressing hash table over typed arrays: no string
 * keys and no per-entry objects, so counting the two million pairs of a text8-sized corpus stays
 * fast and compact.
 */

const EMPTY = -1;
const INITIAL_CAPACITY = 1 << 12;

/** A multiplicative hash of two non-negative int32 ids. */
function hashPair(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
}

/** Pair counts keyed by two non-negative ids (see the module comment). */
export class PairCountTable {
  #first = new Int32Array(INITIAL_CAPACITY).fill(EMPTY);
  #second = new Int32Array(INITIAL_CAPACITY);
  #counts = new Float64Array(INITIAL_CAPACITY);
  #mask = INITIAL_CAPACITY - 1;
  #size = 0;

  /** Pairs with a count. */
  get size(): number {
    return this.#size;
  }

  #slot(a: number, b: number): number {
    const first = this.#first;
    const second = this.#second;
    let slot = hashPair(a, b) & this.#mask;
    for (;;) {
      const at = first[slot]!;
      if (at === EMPTY || (at === a && second[slot] === b)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Adds one to the count of `(a, b)`. */
  increment(a: number, b: number): void {
    const slot = this.#slot(a, b);
    if (this.#first[slot] === EMPTY) {
      this.#first[slot] = a;
      this.#second[slot] = b;
      this.#counts[slot] = 1;
      if (++this.#size * 2 > this.#first.length) this.#rebuild(this.#first.length * 2, 0);
      return;
    }
    this.#counts[slot]!++;
  }

  /** The count of `(a, b)` (0 when absent). */
  get(a: number, b: number): number {
    const slot = this.#slot(a, b);
    return this.#first[slot] === EMPTY ? 0 : this.#counts[slot]!;
  }

  /** Drops the pairs whose count is below `floor`. */
  prune(floor: number): void {
    this.#rebuild(this.#first.length, floor);
  }

  /** Calls `visit` with every pair and its count. */
  forEach(visit: (a: number, b: number, count: number) => void): void {
    const first = this.#first;
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] !== EMPTY) visit(first[slot]!, this.#second[slot]!, this.#counts[slot]!);
    }
  }

  /** Moves the entries with count >= `floor` into fresh arrays of `capacity` slots. */
  #rebuild(capacity: number, floor: number): void {
    const first = this.#first;
    const second = this.#second;
    const counts = this.#counts;
    this.#first = new Int32Array(capacity).fill(EMPTY);
    this.#second = new Int32Array(capacity);
    this.#counts = new Float64Array(capacity);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let old = 0; old < first.length; old++) {
      const a = first[old]!;
      if (a === EMPTY || counts[old]! < floor) continue;
      const slot = this.#slot(a, second[old]!);
      this.#first[slot] = a;
      this.#second[slot] = second[old]!;
      this.#counts[slot] = counts[old]!;
      this.#size++;
    }
  }
}
