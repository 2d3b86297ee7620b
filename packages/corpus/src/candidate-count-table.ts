/**
 * Counts of candidate phrases keyed by three integers — first word id, the id of the run of
 * connector words between (0 for none), last word id — in an open-addressing hash table over one
 * `Int32Array` (key and count side by side, so a probe touches one cache line): no string keys and
 * no per-entry objects, so counting the two million candidates of a text8-sized corpus stays fast
 * and compact. Counts are int32: a candidate seen 2^31 times needs a corpus of billions of tokens.
 */

/** Int32 fields per slot: first, run, last, count. */
const STRIDE = 4;
const EMPTY = -1;
const INITIAL_SLOTS = 1 << 16;

/** A multiplicative hash of three non-negative int32 ids. */
function hashKey(a: number, run: number, b: number): number {
  return (
    (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(run, 0xc2b2ae3d)) >>> 0
  );
}

function emptySlots(slots: number): Int32Array {
  const table = new Int32Array(slots * STRIDE);
  for (let at = 0; at < table.length; at += STRIDE) table[at] = EMPTY;
  return table;
}

/** Candidate counts keyed by `(first, run, last)` ids (see the module comment). */
export class CandidateCountTable {
  #table = emptySlots(INITIAL_SLOTS);
  #mask = INITIAL_SLOTS - 1;
  #size = 0;

  /** Candidates with a count. */
  get size(): number {
    return this.#size;
  }

  /** The index in the table of the slot of `(a, run, b)`, or of the free slot where it goes. */
  #find(a: number, run: number, b: number): number {
    const table = this.#table;
    let slot = hashKey(a, run, b) & this.#mask;
    for (;;) {
      const at = slot * STRIDE;
      const first = table[at]!;
      if (first === EMPTY || (first === a && table[at + 2] === b && table[at + 1] === run)) return at;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Adds one to the count of `(a, run, b)`. */
  increment(a: number, run: number, b: number): void {
    const at = this.#find(a, run, b);
    const table = this.#table;
    if (table[at] !== EMPTY) {
      table[at + 3]!++;
      return;
    }
    table[at] = a;
    table[at + 1] = run;
    table[at + 2] = b;
    table[at + 3] = 1;
    if (++this.#size * 2 > this.#mask + 1) this.#rebuild((this.#mask + 1) * 2, 0);
  }

  /** The count of `(a, run, b)` (0 when absent). */
  get(a: number, run: number, b: number): number {
    const at = this.#find(a, run, b);
    return this.#table[at] === EMPTY ? 0 : this.#table[at + 3]!;
  }

  /** Drops the candidates whose count is below `floor`. */
  prune(floor: number): void {
    this.#rebuild(this.#mask + 1, floor);
  }

  /** Calls `visit` with every candidate and its count. */
  forEach(visit: (a: number, run: number, b: number, count: number) => void): void {
    const table = this.#table;
    for (let at = 0; at < table.length; at += STRIDE) {
      if (table[at] !== EMPTY) visit(table[at]!, table[at + 1]!, table[at + 2]!, table[at + 3]!);
    }
  }

  /** Moves the entries with count >= `floor` into a fresh table of `slots` slots. */
  #rebuild(slots: number, floor: number): void {
    const old = this.#table;
    this.#table = emptySlots(slots);
    this.#mask = slots - 1;
    this.#size = 0;
    const table = this.#table;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from] === EMPTY || old[from + 3]! < floor) continue;
      const at = this.#find(old[from]!, old[from + 1]!, old[from + 2]!);
      table.set(old.subarray(from, from + STRIDE), at);
      this.#size++;
    }
  }
}
