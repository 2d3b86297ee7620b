/**
 * The counts phrase learning keeps — words and candidate phrases, gensim's `Phrases.vocab` — in
 * two representations with the same meaning: {@link IdPhraseCounts} (word ids and a pair table,
 * fast) while no word contains the delimiter, and {@link StringPhraseCounts} (one map keyed by
 * joined strings, exactly gensim's dictionary) once one does, where a word such as `new_york` and
 * the candidate `new york` must share one entry.
 */
import { PairCountTable } from './pair-count-table.js';

/** A counted candidate phrase: first word, the connector words in between, last word, and the counts. */
export interface PhraseCandidate {
  readonly first: string;
  readonly between: readonly string[];
  readonly last: string;
  /** Count of the first word (0 when it was pruned). */
  readonly firstCount: number;
  /** Count of the last word (0 when it was pruned). */
  readonly lastCount: number;
  /** Count of the candidate. */
  readonly count: number;
}

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
  /** Calls `visit` with every counted candidate, as gensim finds them: each multi-part entry split at the delimiter. */
  forEachCandidate(visit: (candidate: PhraseCandidate) => void): void;
}

/** `a`, the connector words between, and `b`, joined with `delimiter`. */
export function joinPhrase(a: string, between: readonly string[], b: string, delimiter: string): string {
  return between.length === 0 ? a + delimiter + b : a + delimiter + between.join(delimiter) + delimiter + b;
}

/** The parts of a joined candidate, or `undefined` for a single word. */
function splitCandidate(token: string, delimiter: string) {
  const parts = token.split(delimiter);
  if (parts.length < 2) return undefined;
  return { first: parts[0]!, between: parts.slice(1, -1), last: parts[parts.length - 1]! };
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

  forEachCandidate(visit: (candidate: PhraseCandidate) => void): void {
    for (const [token, count] of this.#counts) {
      const parts = splitCandidate(token, this.#delimiter);
      if (parts)
        visit({ ...parts, firstCount: this.count(parts.first), lastCount: this.count(parts.last), count });
    }
  }
}

/**
 * Words by id with their counts, adjacent pairs in a {@link PairCountTable}, and the rare
 * candidates with connector words in a map keyed by their joined string. Valid only while no word
 * contains the delimiter (then every joined string names one entry).
 */
export class IdPhraseCounts implements PhraseCounts<number> {
  readonly #delimiter: string;
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  #wordCounts = new Float64Array(1024);
  #presentWords = 0;
  readonly #pairs = new PairCountTable();
  readonly #connected = new Map<string, number>();

  constructor(delimiter: string) {
    this.#delimiter = delimiter;
  }

  get size(): number {
    return this.#presentWords + this.#pairs.size + this.#connected.size;
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
    if (this.#wordCounts[id]!++ === 0) this.#presentWords++;
    return id;
  }

  addCandidate(a: number, between: readonly string[], b: number): void {
    if (between.length === 0) {
      this.#pairs.increment(a, b);
      return;
    }
    const phrase = joinPhrase(this.#words[a]!, between, this.#words[b]!, this.#delimiter);
    this.#connected.set(phrase, (this.#connected.get(phrase) ?? 0) + 1);
  }

  prune(floor: number): void {
    const counts = this.#wordCounts;
    for (let id = 0; id < this.#words.length; id++) {
      if (counts[id]! > 0 && counts[id]! < floor) {
        counts[id] = 0;
        this.#presentWords--;
      }
    }
    this.#pairs.prune(floor);
    for (const [token, count] of this.#connected) if (count < floor) this.#connected.delete(token);
  }

  #wordCount(word: string): number {
    const id = this.#ids.get(word);
    return id === undefined ? 0 : this.#wordCounts[id]!;
  }

  count(token: string): number {
    const parts = token.split(this.#delimiter);
    if (parts.length === 1) return this.#wordCount(token);
    if (parts.length > 2) return this.#connected.get(token) ?? 0;
    const a = this.#ids.get(parts[0]!);
    const b = this.#ids.get(parts[1]!);
    return a === undefined || b === undefined ? 0 : this.#pairs.get(a, b);
  }

  forEachCandidate(visit: (candidate: PhraseCandidate) => void): void {
    const words = this.#words;
    const wordCounts = this.#wordCounts;
    this.#pairs.forEach((a, b, count) => {
      const [firstCount, lastCount] = [wordCounts[a]!, wordCounts[b]!];
      visit({ first: words[a]!, between: [], last: words[b]!, firstCount, lastCount, count });
    });
    for (const [token, count] of this.#connected) {
      const parts = splitCandidate(token, this.#delimiter)!;
      visit({
        ...parts,
        firstCount: this.#wordCount(parts.first),
        lastCount: this.#wordCount(parts.last),
        count,
      });
    }
  }

  /** The same counts as one map keyed by joined strings (to continue as {@link StringPhraseCounts}). */
  toStrings(): StringPhraseCounts {
    const counts = new Map<string, number>();
    this.#words.forEach((word, id) => {
      if (this.#wordCounts[id]! > 0) counts.set(word, this.#wordCounts[id]!);
    });
    this.#pairs.forEach((a, b, count) => {
      counts.set(joinPhrase(this.#words[a]!, [], this.#words[b]!, this.#delimiter), count);
    });
    for (const [token, count] of this.#connected) counts.set(token, count);
    return new StringPhraseCounts(this.#delimiter, counts);
  }
}
