/**
 * Counts of candidate phrases keyed by three integers — first word id, the id of the run of
 * connector words between (0 for none), last word id — in an open-addressing hash table over typed
 * arrays: no string keys and no per-entry objects, so counting the two million candidates of a
 * text8-sized corpus stays fast and compact.
 */

const EMPTY = -1;
const INITIAL_CAPACITY = 1 << 12;

/** A multiplicative hash of three non-negative int32 ids. */
function hashKey(a: number, run: number, b: number): number {
  return (
    (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(run, 0xc2b2ae3d)) >>> 0
  );
}

/** Candidate counts keyed by `(first, run, last)` ids (see the module comment). */
export class CandidateCountTable {
  #first = new Int32Array(INITIAL_CAPACITY).fill(EMPTY);
  #run = new Int32Array(INITIAL_CAPACITY);
  #second = new Int32Array(INITIAL_CAPACITY);
  #counts = new Float64Array(INITIAL_CAPACITY);
  #mask = INITIAL_CAPACITY - 1;
  #size = 0;

  /** Candidates with a count. */
  get size(): number {
    return this.#size;
  }

  #slot(a: number, run: number, b: number): number {
    const first = this.#first;
    const second = this.#second;
    let slot = hashKey(a, run, b) & this.#mask;
    for (;;) {
      const at = first[slot]!;
      if (at === EMPTY || (at === a && second[slot] === b && this.#run[slot] === run)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Adds one to the count of `(a, run, b)`. */
  increment(a: number, run: number, b: number): void {
    const slot = this.#slot(a, run, b);
    if (this.#first[slot] === EMPTY) {
      this.#first[slot] = a;
      this.#run[slot] = run;
      this.#second[slot] = b;
      this.#counts[slot] = 1;
      if (++this.#size * 2 > this.#first.length) this.#rebuild(this.#first.length * 2, 0);
      return;
    }
    this.#counts[slot]!++;
  }

  /** The count of `(a, run, b)` (0 when absent). */
  get(a: number, run: number, b: number): number {
    const slot = this.#slot(a, run, b);
    return this.#first[slot] === EMPTY ? 0 : this.#counts[slot]!;
  }

  /** Drops the candidates whose count is below `floor`. */
  prune(floor: number): void {
    this.#rebuild(this.#first.length, floor);
  }

  /** Calls `visit` with every candidate and its count. */
  forEach(visit: (a: number, run: number, b: number, count: number) => void): void {
    const first = this.#first;
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] !== EMPTY)
        visit(first[slot]!, this.#run[slot]!, this.#second[slot]!, this.#counts[slot]!);
    }
  }

  /** Moves the entries with count >= `floor` into fresh arrays of `capacity` slots. */
  #rebuild(capacity: number, floor: number): void {
    const first = this.#first;
    const run = this.#run;
    const second = this.#second;
    const counts = this.#counts;
    this.#first = new Int32Array(capacity).fill(EMPTY);
    this.#run = new Int32Array(capacity);
    this.#second = new Int32Array(capacity);
    this.#counts = new Float64Array(capacity);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let old = 0; old < first.length; old++) {
      const a = first[old]!;
      if (a === EMPTY || counts[old]! < floor) continue;
      const slot = this.#slot(a, run[old]!, second[old]!);
      this.#first[slot] = a;
      this.#run[slot] = run[old]!;
      this.#second[slot] = second[old]!;
      this.#counts[slot] = counts[old]!;
      this.#size++;
    }
  }
}
