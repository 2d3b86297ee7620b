import type { TrainingCorpus, TrainingProgress } from '@embedkit/core-math';
import { ConfigError, EmptyVocabularyError, FormatError } from '@embedkit/core-math';
import type { SentenceOptions } from './options.js';
import { requireInteger, resolveSentenceOptions } from './options.js';
import type { EncodedCorpus } from './encode-corpus.js';
import { Int32Builder } from './int32-builder.js';
import { readsFileBytes } from './byte-scanner.js';
import { countFileBytes } from './count-file-bytes.js';
import { ProgressThrottle } from './progress.js';
import { sentencesOf } from './sentences-of.js';

/** Default `minCount` of {@link Vocabulary.build}, as word2vec, gensim and fastText. */
export const DEFAULT_MIN_COUNT = 5;

/** Filters that decide which words a {@link Vocabulary} keeps. */
export interface VocabularyOptions {
  /** Words seen fewer times are dropped. Default 5 for `build`, 1 for `fromCounts`. */
  readonly minCount?: number;
  /**
   * Keep at most this many words, the most frequent ones. Words tied at the cut are kept in order
   * of first appearance, so exactly `maxVocab` words remain. Default: no limit.
   */
  readonly maxVocab?: number;
}

/**
 * Options of {@link Vocabulary.build}: the filters, and how the corpus is read (see
 * {@link SentenceOptions}; `maxSentenceLength` does not change counts).
 */
export interface VocabularyBuildOptions extends VocabularyOptions, SentenceOptions {
  /** Receives `{ phase: 'vocabulary', processed: tokens, unit: 'words' }` at most 5 times a second, and once at the end. */
  readonly onProgress?: (progress: TrainingProgress) => void;
}

/** Options of {@link Vocabulary.buildAndEncode}: those of {@link Vocabulary.build} and a memory limit. */
export interface BuildAndEncodeOptions extends VocabularyBuildOptions {
  /**
   * Encode the corpus only when it has at most this many tokens (before filtering): the pass holds
   * 4 bytes per token read. Default: no limit.
   */
  readonly maxEncodedTokens?: number;
}

/** What {@link Vocabulary.buildAndEncode} returns. */
export interface VocabularyAndCorpus {
  /** The vocabulary, as {@link Vocabulary.build} builds it. */
  readonly vocabulary: Vocabulary;
  /**
   * The corpus encoded with `vocabulary`, exactly as `encodeCorpus(corpus, vocabulary, options)`
   * encodes it; `undefined` when the corpus has more than `maxEncodedTokens` tokens.
   */
  readonly encoded: EncodedCorpus | undefined;
}

/** The plain-object form of a {@link Vocabulary} (`toJSON` / `fromJSON`). */
export interface VocabularyJSON {
  /** Always `embedkit-vocabulary`. */
  readonly format: 'embedkit-vocabulary';
  /** Version of this layout; currently 1. */
  readonly version: 1;
  /** The words, in id order. */
  readonly words: readonly string[];
  /** The count of each word, aligned with `words`. */
  readonly counts: readonly number[];
  /** Tokens read from the corpus (before filtering). */
  readonly tokensSeen: number;
  /** Distinct words read from the corpus (before filtering). */
  readonly distinctSeen: number;
}

const JSON_FORMAT = 'embedkit-vocabulary';
const JSON_VERSION = 1;

/**
 * The words a model learns, with their corpus counts. Ids run from 0 (the most frequent word) to
 * `size - 1`: words are ordered by count descending, ties by first appearance in the corpus (by
 * position for {@link Vocabulary.fromCounts}). Lookups go through a `Map`, so `__proto__` or
 * `constructor` are ordinary words.
 */
export class Vocabulary {
  /** The words, in id order. */
  readonly words: readonly string[];
  /** The count of each word, aligned with `words` (read it; changing it would desynchronise `totalCount`). */
  readonly counts: Float64Array;
  /** Sum of the kept words' counts: the `total` of word2vec's subsampling formula. */
  readonly totalCount: number;
  /** Tokens read from the corpus, before `minCount` / `maxVocab` filtering. */
  readonly tokensSeen: number;
  /** Distinct words read from the corpus, before filtering. */
  readonly distinctSeen: number;
  readonly #ids: Map<string, number>;

  private constructor(
    words: readonly string[],
    counts: Float64Array,
    tokensSeen: number,
    distinctSeen: number,
  ) {
    const ids = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < words.length; i++) {
      ids.set(words[i]!, i);
      total += counts[i]!;
    }
    this.words = Object.freeze(words.slice());
    this.counts = counts;
    this.totalCount = total;
    this.tokensSeen = tokensSeen;
    this.distinctSeen = distinctSeen;
    this.#ids = ids;
  }

  /**
   * Counts the words of `corpus` (a file path, or sentences of tokens) and keeps those seen at
   * least `minCount` times, at most `maxVocab` of them.
   *
   * @throws ConfigError when an option is invalid
   * @throws EmptyVocabularyError when no word survives the filters
   * @throws IoError when a file cannot be read
   * @throws CancelledError when `signal` aborts
   */
  static async build(corpus: TrainingCorpus, options: VocabularyBuildOptions = {}): Promise<Vocabulary> {
    return (await Vocabulary.#count(corpus, options, -1)).vocabulary;
  }

  /**
   * {@link Vocabulary.build} and `encodeCorpus` in one pass over the corpus: while counting, every
   * token is recorded by its order of first appearance, and once the vocabulary is known these
   * records become ids (unknown words and sentences left empty dropped). Reads a file once instead
   * of twice; holds 4 bytes per token read, so the corpus is encoded only when it has at most
   * `maxEncodedTokens` tokens.
   *
   * @throws ConfigError when an option is invalid
   * @throws EmptyVocabularyError when no word survives the filters
   * @throws IoError when a file cannot be read
   * @throws CancelledError when `signal` aborts
   */
  static async buildAndEncode(
    corpus: TrainingCorpus,
    options: BuildAndEncodeOptions = {},
  ): Promise<VocabularyAndCorpus> {
    const limit =
      options.maxEncodedTokens === undefined
        ? Number.POSITIVE_INFINITY
        : requireInteger('maxEncodedTokens', options.maxEncodedTokens, 0, Number.MAX_SAFE_INTEGER);
    return Vocabulary.#count(corpus, options, limit);
  }

  /** Counts `corpus`; records its tokens (for {@link Vocabulary.buildAndEncode}) while at most `limit` were read. */
  static async #count(
    corpus: TrainingCorpus,
    options: VocabularyBuildOptions,
    limit: number,
  ): Promise<VocabularyAndCorpus> {
    const { minCount, maxVocab } = resolveFilters(options, DEFAULT_MIN_COUNT);
    const progress = new ProgressThrottle('vocabulary', 'words', options.onProgress);
    const { words, counts, tokens, record } = readsFileBytes(corpus, options)
      ? await Vocabulary.#countFile(corpus, options, limit, progress)
      : await Vocabulary.#countSentences(corpus, options, limit, progress);
    progress.finish(tokens);
    const kept = keptWords(counts, minCount, maxVocab, tokens);
    const vocabulary = new Vocabulary(
      kept.map((i) => words[i]!),
      Float64Array.from(kept, (i) => counts[i]!),
      tokens,
      words.length,
    );
    return { vocabulary, encoded: record?.encode(kept, words.length) };
  }

  /** A file split on whitespace, counted on its bytes ({@link countFileBytes}: the same counts, faster). */
  static async #countFile(
    path: string,
    options: VocabularyBuildOptions,
    limit: number,
    progress: ProgressThrottle,
  ): Promise<RawCounts> {
    const record = limit >= 0 ? new TokenRecord() : undefined;
    const counted = await countFileBytes(path, resolveSentenceOptions(options), limit, record, progress);
    return { ...counted, record: counted.recorded ? record : undefined };
  }

  /** Any corpus, sentence by sentence. */
  static async #countSentences(
    corpus: TrainingCorpus,
    options: VocabularyBuildOptions,
    limit: number,
    progress: ProgressThrottle,
  ): Promise<RawCounts> {
    const sentences = sentencesOf(corpus, options);
    const index = new Map<string, number>();
    const words: string[] = [];
    const counts: number[] = [];
    let record: TokenRecord | undefined = limit >= 0 ? new TokenRecord() : undefined;
    let tokens = 0;
    for await (const sentence of sentences) {
      if (record !== undefined && tokens + sentence.length > limit) record = undefined;
      for (const token of sentence) {
        let id = index.get(token);
        if (id === undefined) {
          id = words.length;
          index.set(token, id);
          words.push(token);
          counts.push(1);
        } else {
          counts[id]!++;
        }
        record?.ids.push(id);
      }
      record?.starts.push(record.ids.length);
      tokens += sentence.length;
      progress.update(tokens);
    }
    return { words, counts, tokens, record };
  }
  /**
   * A vocabulary from words and their counts (for example a GloVe `vocab.txt`), filtered by
   * `minCount` (default 1) and `maxVocab`. Ties keep the order of `words`.
   *
   * @throws ConfigError when the arrays differ in length, a word repeats, a count is negative or
   *   not finite, or an option is invalid
   * @throws EmptyVocabularyError when no word survives the filters
   */
  static fromCounts(
    words: readonly string[],
    counts: ArrayLike<number>,
    options: VocabularyOptions = {},
  ): Vocabulary {
    const { minCount, maxVocab } = resolveFilters(options, 1);
    if (counts.length !== words.length) {
      throw new ConfigError('counts', `${counts.length} counts`, `one count per word (${words.length})`);
    }
    const seen = new Set<string>();
    const countList: number[] = [];
    let tokens = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const count = counts[i]!;
      if (typeof word !== 'string') throw new ConfigError('words', word, 'strings');
      if (seen.has(word)) throw new ConfigError('words', word, 'distinct words (this one repeats)');
      seen.add(word);
      if (!Number.isFinite(count) || count < 0) {
        throw new ConfigError('counts', count, `a finite count of at least 0 for ${JSON.stringify(word)}`);
      }
      countList.push(count);
      tokens += count;
    }
    return Vocabulary.#select(words, countList, minCount, maxVocab, tokens);
  }

  /**
   * Restores a vocabulary saved with {@link Vocabulary.toJSON} (after `JSON.parse`), keeping its ids.
   *
   * @throws FormatError when `json` is not a version-1 vocabulary object
   */
  static fromJSON(json: unknown): Vocabulary {
    const where = { file: '<vocabulary JSON>' };
    if (typeof json !== 'object' || json === null) throw new FormatError(where, 'an object', typeof json);
    const value = json as Partial<Record<keyof VocabularyJSON, unknown>>;
    if (value.format !== JSON_FORMAT) {
      throw new FormatError(where, `format "${JSON_FORMAT}"`, JSON.stringify(value.format));
    }
    if (value.version !== JSON_VERSION) {
      throw new FormatError(where, `version ${JSON_VERSION}`, JSON.stringify(value.version));
    }
    const { words, counts, tokensSeen, distinctSeen } = value;
    if (!Array.isArray(words) || !words.every((word) => typeof word === 'string')) {
      throw new FormatError(where, 'words: an array of strings');
    }
    if (words.length === 0) throw new FormatError(where, 'words: at least one word');
    if (new Set(words).size !== words.length) throw new FormatError(where, 'words: distinct words');
    if (!Array.isArray(counts) || counts.length !== words.length) {
      throw new FormatError(where, `counts: an array of ${words.length} numbers, one per word`);
    }
    for (let i = 0; i < counts.length; i++) {
      const count: unknown = counts[i];
      if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
        throw new FormatError(where, `counts[${i}]: a finite number of at least 0`, String(count));
      }
      if (i > 0 && count > counts[i - 1]) {
        throw new FormatError(where, `counts in descending order (counts[${i}] exceeds counts[${i - 1}])`);
      }
    }
    for (const [name, figure] of [
      ['tokensSeen', tokensSeen],
      ['distinctSeen', distinctSeen],
    ] as const) {
      if (typeof figure !== 'number' || !Number.isInteger(figure) || figure < 0) {
        throw new FormatError(where, `${name}: an integer of at least 0`, String(figure));
      }
    }
    return new Vocabulary(words, Float64Array.from(counts), tokensSeen as number, distinctSeen as number);
  }

  static #select(
    words: readonly string[],
    counts: readonly number[],
    minCount: number,
    maxVocab: number,
    tokensSeen: number,
  ): Vocabulary {
    const kept = keptWords(counts, minCount, maxVocab, tokensSeen);
    const keptWordList = kept.map((i) => words[i]!);
    const keptCounts = Float64Array.from(kept, (i) => counts[i]!);
    return new Vocabulary(keptWordList, keptCounts, tokensSeen, words.length);
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, or -1 when it is not in the vocabulary. */
  id(word: string): number {
    return this.#ids.get(word) ?? -1;
  }

  /** The word with id `id`; throws `RangeError` outside `0..size-1`. */
  word(id: number): string {
    const word = this.words[id];
    if (word === undefined) throw new RangeError(`word id ${id} is outside 0..${this.size - 1}`);
    return word;
  }

  /** The count of the word with id `id`; throws `RangeError` outside `0..size-1`. */
  count(id: number): number {
    if (!Number.isInteger(id) || id < 0 || id >= this.size) {
      throw new RangeError(`word id ${id} is outside 0..${this.size - 1}`);
    }
    return this.counts[id]!;
  }

  /**
   * The probability of keeping each word (by id) when subsampling frequent words, with word2vec's
   * formula `keep = (sqrt(f / (sample·total)) + 1) · (sample·total) / f`, clamped to 1, where `f` is
   * the word's count and `total` is {@link Vocabulary.totalCount}. `sample = 0` keeps every word.
   *
   * @param sample - the threshold `t` (word2vec's `-sample`; 1e-3 to 1e-5 are usual)
   * @throws ConfigError when `sample` is negative or not finite
   */
  keepProbabilities(sample: number): Float32Array {
    if (typeof sample !== 'number' || !Number.isFinite(sample) || sample < 0) {
      throw new ConfigError('sample', sample, 'a finite number of at least 0 (0 disables subsampling)');
    }
    const keep = new Float32Array(this.size).fill(1);
    if (sample === 0) return keep;
    const threshold = sample * this.totalCount;
    for (let i = 0; i < keep.length; i++) {
      const count = this.counts[i]!;
      if (count > 0) {
        const probability = ((Math.sqrt(count / threshold) + 1) * threshold) / count;
        if (probability < 1) keep[i] = probability;
      }
    }
    return keep;
  }

  /** The ids of `tokens`, in order, without the tokens that are not in the vocabulary. */
  encode(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    let length = 0;
    for (const token of tokens) {
      const id = this.#ids.get(token);
      if (id !== undefined) ids[length++] = id;
    }
    return length === ids.length ? ids : ids.slice(0, length);
  }

  /** A plain, versioned object (words and counts arrays) that `JSON.stringify` saves and {@link Vocabulary.fromJSON} restores. */
  toJSON(): VocabularyJSON {
    return {
      format: JSON_FORMAT,
      version: JSON_VERSION,
      words: this.words.slice(),
      counts: Array.from(this.counts),
      tokensSeen: this.tokensSeen,
      distinctSeen: this.distinctSeen,
    };
  }
}

/**
 * The positions of the words that survive `minCount` and `maxVocab`, in id order: count
 * descending, ties by position.
 *
 * @throws EmptyVocabularyError when none survives
 */
function keptWords(
  counts: readonly number[],
  minCount: number,
  maxVocab: number,
  tokensSeen: number,
): number[] {
  const kept: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= minCount) kept.push(i);
  if (kept.length === 0) throw new EmptyVocabularyError(tokensSeen, counts.length, minCount);
  kept.sort((a, b) => counts[b]! - counts[a]! || a - b);
  if (kept.length > maxVocab) kept.length = maxVocab;
  return kept;
}

/** The tokens of a corpus by order of first appearance, with sentence ends, until they become ids. */
/** Distinct words in order of first appearance, their counts, the tokens read and the recorded corpus. */
interface RawCounts {
  readonly words: readonly string[];
  readonly counts: readonly number[];
  readonly tokens: number;
  /** `undefined` when the corpus had more tokens than the limit. */
  readonly record: TokenRecord | undefined;
}

class TokenRecord {
  /** Position of each token's word in order of first appearance. */
  readonly ids = new Int32Builder(1 << 16);
  /** Sentence `s` is `ids[starts[s] .. starts[s + 1])`. */
  readonly starts = new Int32Builder(1 << 10);

  constructor() {
    this.starts.push(0);
  }

  /**
   * The record as vocabulary ids: `kept[id]` is the position of word `id`; tokens of other words
   * and sentences left empty are dropped.
   */
  encode(kept: readonly number[], distinct: number): EncodedCorpus {
    const idOf = new Int32Array(distinct).fill(-1);
    for (let id = 0; id < kept.length; id++) idOf[kept[id]!] = id;
    const ids = this.ids.toArray();
    const starts = this.starts.toArray();
    const sentenceStarts = new Int32Builder(1 << 10);
    sentenceStarts.push(0);
    let length = 0;
    for (let s = 0; s + 1 < starts.length; s++) {
      const before = length;
      for (let i = starts[s]!; i < starts[s + 1]!; i++) {
        const id = idOf[ids[i]!]!;
        if (id >= 0) ids[length++] = id;
      }
      if (length > before) sentenceStarts.push(length);
    }
    return { ids: ids.slice(0, length), sentenceStarts: sentenceStarts.toArray(), tokens: length };
  }
}

function resolveFilters(
  options: VocabularyOptions,
  defaultMinCount: number,
): { minCount: number; maxVocab: number } {
  const minCount = requireInteger(
    'minCount',
    options.minCount ?? defaultMinCount,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  const maxVocab =
    options.maxVocab === undefined
      ? Number.POSITIVE_INFINITY
      : requireInteger('maxVocab', options.maxVocab, 1, Number.MAX_SAFE_INTEGER);
  return { minCount, maxVocab };
}
