/**
 * The counts phrase learning keeps — words and candidate phrases, gensim's `Phrases.vocab` — in
 * two representations with the same meaning: {@link IdPhraseCounts} (word ids and a candidate
 * table, fast) while no word contains the delimiter, and {@link StringPhraseCounts} (one map keyed
 * by joined strings, exactly gensim's dictionary) once one does, where a word such as `new_york`
 * and the candidate `new york` must share one entry.
 */
import { CandidateCountTable } from './candidate-count-table.js';

/** Scores a candidate from its first word's, last word's and own counts; `undefined` when it does not pass. */
export type CandidateScorer = (firstCount: number, lastCount: number, count: number) => number | undefined;

/** Counts of words and candidate phrases; `H` is how a counted word is referred to. */
export interface PhraseCounts<H> {
  /** Entries with a count: words and candidates (gensim's `len(vocab)`). */
  readonly size: number;
  /** Counts one occurrence of a word and returns its handle. */
  addWord(word: string): H;
  /** Counts one occurrence of the candidate `a between… b`. */
  addCandidate(a: H, between: readonly string[], b: H): void;
  /** Drops every entry whose count is below `floor`. */
  prune(floor: number): void;
  /** The count of a word or of a joined candidate (0 when absent). */
  count(token: string): number;
  /**
   * The joined candidates that `score` passes, with their scores. Candidates are found as gensim
   * finds them: each counted entry of several parts, split at the delimiter, scored by its first
   * and last part.
   */
  passing(score: CandidateScorer): Map<string, number>;
}

/** `a`, the connector words between, and `b`, joined with `delimiter`. */
export function joinPhrase(a: string, between: readonly string[], b: string, delimiter: string): string {
  return between.length === 0 ? a + delimiter + b : a + delimiter + between.join(delimiter) + delimiter + b;
}

/** gensim's dictionary itself: every entry keyed by its (joined) string. */
export class StringPhraseCounts implements PhraseCounts<string> {
  readonly #delimiter: string;
  readonly #counts: Map<string, number>;

  constructor(delimiter: string, counts: Map<string, number> = new Map()) {
    this.#delimiter = delimiter;
    this.#counts = counts;
  }

  get size(): number {
    return this.#counts.size;
  }

  #increment(token: string): void {
    this.#counts.set(token, (this.#counts.get(token) ?? 0) + 1);
  }

  addWord(word: string): string {
    this.#increment(word);
    return word;
  }

  addCandidate(a: string, between: readonly string[], b: string): void {
    this.#increment(joinPhrase(a, between, b, this.#delimiter));
  }

  prune(floor: number): void {
    for (const [token, count] of this.#counts) if (count < floor) this.#counts.delete(token);
  }

  count(token: string): number {
    return this.#counts.get(token) ?? 0;
  }

  passing(score: CandidateScorer): Map<string, number> {
    const phrases = new Map<string, number>();
    for (const [token, count] of this.#counts) {
      const parts = token.split(this.#delimiter);
      if (parts.length < 2) continue;
      const passed = score(this.count(parts[0]!), this.count(parts[parts.length - 1]!), count);
      if (passed !== undefined) phrases.set(token, passed);
    }
    return phrases;
  }
}

/**
 * Words by id with their counts, and candidates in a {@link CandidateCountTable} keyed by the ids
 * of their first word, their run of connector words (0: none) and their last word. Valid only
 * while no word contains the delimiter (then every joined string names one entry).
 */
export class IdPhraseCounts implements PhraseCounts<number> {
  readonly #delimiter: string;
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  #wordCounts = new Float64Array(1024);
  #presentWords = 0;
  /** Runs of connector words by their joined string; id 0 is the empty run. */
  readonly #runIds = new Map<string, number>([['', 0]]);
  readonly #runs: (readonly string[])[] = [[]];
  readonly #candidates = new CandidateCountTable();

  constructor(delimiter: string) {
    this.#delimiter = delimiter;
  }

  get size(): number {
    return this.#presentWords + this.#candidates.size;
  }

  addWord(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      id = this.#words.length;
      this.#ids.set(word, id);
      this.#words.push(word);
      if (id >= this.#wordCounts.length) {
        const larger = new Float64Array(this.#wordCounts.length * 2);
        larger.set(this.#wordCounts);
        this.#wordCounts = larger;
      }
    }
    return this.addWordId(id);
  }

  /** Counts one more occurrence of the word {@link IdPhraseCounts.addWord} gave `id`. */
  addWordId(id: number): number {
    if (this.#wordCounts[id] === 0) this.#presentWords++;
    this.#wordCounts[id]! += 1;
    return id;
  }

  #runId(between: readonly string[]): number {
    if (between.length === 0) return 0;
    const key = between.join(this.#delimiter);
    let id = this.#runIds.get(key);
    if (id === undefined) {
      id = this.#runs.length;
      this.#runIds.set(key, id);
      this.#runs.push([...between]);
    }
    return id;
  }

  addCandidate(a: number, between: readonly string[], b: number): void {
    this.#candidates.increment(a, this.#runId(between), b);
  }

  prune(floor: number): void {
    const counts = this.#wordCounts;
    for (let id = 0; id < this.#words.length; id++) {
      if (counts[id]! > 0 && counts[id]! < floor) {
        counts[id] = 0;
        this.#presentWords--;
      }
    }
    this.#candidates.prune(floor);
  }

  #wordCount(word: string): number {
    const id = this.#ids.get(word);
    return id === undefined ? 0 : this.#wordCounts[id]!;
  }

  count(token: string): number {
    const parts = token.split(this.#delimiter);
    if (parts.length === 1) return this.#wordCount(token);
    const a = this.#ids.get(parts[0]!);
    const b = this.#ids.get(parts[parts.length - 1]!);
    const run = this.#runIds.get(parts.slice(1, -1).join(this.#delimiter));
    return a === undefined || b === undefined || run === undefined ? 0 : this.#candidates.get(a, run, b);
  }

  #phrase(a: number, run: number, b: number): string {
    return joinPhrase(this.#words[a]!, this.#runs[run]!, this.#words[b]!, this.#delimiter);
  }

  passing(score: CandidateScorer): Map<string, number> {
    const phrases = new Map<string, number>();
    const counts = this.#wordCounts;
    this.#candidates.forEach((a, run, b, count) => {
      const passed = score(counts[a]!, counts[b]!, count);
      if (passed !== undefined) phrases.set(this.#phrase(a, run, b), passed);
    });
    return phrases;
  }

  /** The same counts as one map keyed by joined strings (to continue as {@link StringPhraseCounts}). */
  toStrings(): StringPhraseCounts {
    const counts = new Map<string, number>();
    this.#words.forEach((word, id) => {
      if (this.#wordCounts[id]! > 0) counts.set(word, this.#wordCounts[id]!);
    });
    this.#candidates.forEach((a, run, b, count) => {
      counts.set(this.#phrase(a, run, b), count);
    });
    return new StringPhraseCounts(this.#delimiter, counts);
  }
}
