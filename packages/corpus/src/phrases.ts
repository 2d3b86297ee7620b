/**
 * Phrase detection as gensim 4.2's `Phrases` / `FrozenPhrases` (word2vec's `word2phrase`): count
 * words and adjacent pairs (with connector words allowed in between), score each pair, and join
 * pairs that score above a threshold into one token such as `new_york`. Applied to already phrased
 * text it finds longer phrases.
 */
import type { TrainingCorpus } from '@embedkit/core-math';
import {
  type PhraseScoring,
  type PhrasesOptions,
  type ResolvedPhrasesOptions,
  resolvePhrasesOptions,
} from './phrase-options.js';
import { countFileBytes, type TokenSink } from './count-file-bytes.js';
import { requireInteger, resolveSentenceOptions, type SentenceOptions } from './options.js';
import { ProgressThrottle } from './progress.js';
import { readsFileBytes } from './byte-scanner.js';
import { IdPhraseCounts, joinPhrase, type PhraseCounts, type StringPhraseCounts } from './phrase-counts.js';
import { sentencesOf } from './sentences-of.js';

/** The counts a phrase score is computed from. */
interface PairCounts {
  readonly a: number;
  readonly b: number;
  readonly pair: number;
}

/** The score of a candidate, as gensim's `original_scorer` / `npmi_scorer` (−∞ for "never"). */
function scorePair(
  scoring: PhraseScoring,
  counts: PairCounts,
  minCount: number,
  vocabularySize: number,
  corpusWords: number,
): number {
  if (scoring === 'default') {
    return ((counts.pair - minCount) / (counts.a * counts.b)) * vocabularySize;
  }
  if (counts.pair < minCount) return Number.NEGATIVE_INFINITY;
  const pa = counts.a / corpusWords;
  const pb = counts.b / corpusWords;
  const pab = counts.pair / corpusWords;
  if (pab >= 1) return Number.NEGATIVE_INFINITY;
  return Math.log(pab / (pa * pb)) / -Math.log(pab);
}

/**
 * Counts one sentence as gensim's `Phrases._learn_vocab`: every non-connector word, and each one
 * with the last non-connector word before it (and the connector words between) as a candidate.
 * Tokens are strings, or word ids of a byte-counted file (`wordOf` gives their text).
 */
function countSentence<T, H>(
  counts: PhraseCounts<H>,
  tokens: ArrayLike<T>,
  isConnector: (token: T) => boolean,
  handleOf: (token: T) => H,
  wordOf: (token: T) => string,
): void {
  let start: H | undefined;
  let between: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isConnector(token)) {
      const handle = handleOf(token);
      if (start !== undefined) counts.addCandidate(start, between, handle);
      start = handle;
      if (between.length > 0) between = [];
    } else if (start !== undefined) {
      between.push(wordOf(token));
    }
  }
}

const same = (word: string): string => word;

/**
 * Phrase statistics learned from sentences (gensim's `Phrases`): word and candidate counts, the
 * corpus length, and the pruning floor. Learn with {@link Phrases.learn} or
 * {@link Phrases.addSentence}, then {@link Phrases.freeze} to apply them.
 */
export class Phrases {
  /** The resolved options. */
  readonly options: ResolvedPhrasesOptions;
  #counts: IdPhraseCounts | StringPhraseCounts;
  #corpusWords = 0;
  /** Entries with counts below this are dropped at the next pruning (gensim's `min_reduce`). */
  #pruneBelow = 1;

  /** @throws ConfigError for an invalid option */
  constructor(options: PhrasesOptions = {}) {
    this.options = resolvePhrasesOptions(options);
    this.#counts = new IdPhraseCounts(this.options.delimiter);
  }

  /**
   * Learns phrase statistics from a corpus (a file path, or an iterable / async iterable of token
   * arrays), streaming it once.
   *
   * @throws ConfigError for an invalid option; IoError / CancelledError while reading
   */
  static async learn(
    corpus: TrainingCorpus,
    options: PhrasesOptions = {},
    sentenceOptions: SentenceOptions = {},
  ): Promise<Phrases> {
    const phrases = new Phrases(options);
    if (readsFileBytes(corpus, sentenceOptions)) {
      await phrases.#learnFileBytes(corpus, sentenceOptions);
      return phrases;
    }
    for await (const sentence of sentencesOf(corpus, sentenceOptions)) phrases.addSentence(sentence);
    return phrases;
  }

  /**
   * Counts a whitespace-split file on its bytes ({@link countFileBytes}: the same sentences as
   * {@link readSentences}, each distinct word decoded once), sentence by sentence.
   */
  async #learnFileBytes(path: string, sentenceOptions: SentenceOptions): Promise<void> {
    const { connectorWords, delimiter } = this.options;
    let words: readonly string[] = [];
    /** Per word of the file: its id in the counts (-1: not yet counted), connector and delimiter flags. */
    let countId = new Int32Array(1024).fill(-1);
    let flags = new Uint8Array(1024);
    let known = 0;
    const CONNECTOR = 1;
    const HAS_DELIMITER = 2;
    const sentence: number[] = [];
    let tokens = 0;
    const learnSentence = (): void => {
      for (; known < words.length; known++) {
        if (known === flags.length) {
          const larger = new Int32Array(known * 2).fill(-1);
          larger.set(countId);
          countId = larger;
          const largerFlags = new Uint8Array(known * 2);
          largerFlags.set(flags);
          flags = largerFlags;
        }
        const word = words[known]!;
        flags[known] =
          (connectorWords.has(word) ? CONNECTOR : 0) | (word.includes(delimiter) ? HAS_DELIMITER : 0);
      }
      const counts = this.#counts;
      if (counts instanceof IdPhraseCounts && !sentence.some((w) => flags[w]! & HAS_DELIMITER)) {
        const handleOf = (w: number): number => {
          const id = countId[w]!;
          if (id >= 0) return counts.addWordId(id);
          countId[w] = counts.addWord(words[w]!);
          return countId[w]!;
        };
        countSentence(
          counts,
          sentence,
          (w) => (flags[w]! & CONNECTOR) !== 0,
          handleOf,
          (w) => words[w]!,
        );
        this.#endSentence(sentence.length);
      } else {
        this.addSentence(sentence.map((w) => words[w]!));
      }
      sentence.length = 0;
    };
    const sink: TokenSink = {
      begin(list) {
        words = list;
      },
      ids: {
        push(word) {
          sentence.push(word);
          tokens++;
        },
        get length() {
          return tokens;
        },
      },
      starts: { push: learnSentence },
    };
    const resolved = resolveSentenceOptions(sentenceOptions);
    await countFileBytes(
      path,
      resolved,
      Number.POSITIVE_INFINITY,
      sink,
      new ProgressThrottle('phrases', 'words', undefined),
    );
  }

  /** Entries counted: words and candidate phrases (gensim's `len(phrases.vocab)`). */
  get vocabularySize(): number {
    return this.#counts.size;
  }

  /** Tokens seen, connector words included (gensim's `corpus_word_count`). */
  get corpusWords(): number {
    return this.#corpusWords;
  }

  /** The count of a word or of a joined candidate such as `new_york` (0 when not counted). */
  count(token: string): number {
    return this.#counts.count(token);
  }

  /** Counts the words and candidate phrases of one sentence, then prunes if the counts grew too many. */
  addSentence(sentence: readonly string[]): void {
    const { connectorWords, delimiter } = this.options;
    if (this.#counts instanceof IdPhraseCounts && sentence.some((word) => word.includes(delimiter))) {
      this.#counts = this.#counts.toStrings();
    }
    const isConnector = (word: string): boolean => connectorWords.has(word);
    const counts = this.#counts;
    if (counts instanceof IdPhraseCounts) {
      countSentence(counts, sentence, isConnector, (word) => counts.addWord(word), same);
    } else {
      countSentence(counts, sentence, isConnector, (word) => counts.addWord(word), same);
    }
    this.#endSentence(sentence.length);
  }

  /** Adds a counted sentence's tokens to the corpus length, then prunes if the counts grew too many. */
  #endSentence(tokens: number): void {
    this.#corpusWords += tokens;
    if (this.#counts.size > this.options.maxVocabSize) this.#counts.prune(this.#pruneBelow++);
  }

  /**
   * The score of `a`, then the connector words `between`, then `b` as one phrase; `undefined` when
   * a count is missing or the score is not above the threshold (gensim's `score_candidate`).
   */
  score(a: string, b: string, between: readonly string[] = []): number | undefined {
    const pair = this.count(joinPhrase(a, between, b, this.options.delimiter));
    return this.#scoreCounts(this.count(a), this.count(b), pair);
  }

  #scoreCounts(countA: number, countB: number, pair: number): number | undefined {
    if (countA <= 0 || countB <= 0 || pair <= 0) return undefined;
    const { scoring, minCount, threshold } = this.options;
    const counts = { a: countA, b: countB, pair };
    const score = scorePair(scoring, counts, minCount, this.#counts.size, this.#corpusWords);
    return score > threshold ? score : undefined;
  }

  /** Every counted candidate that scores above the threshold, with its score (gensim's `export_phrases`). */
  exportPhrases(): Map<string, number> {
    return this.#counts.passing((firstCount, lastCount, count) =>
      this.#scoreCounts(firstCount, lastCount, count),
    );
  }

  /** The phrases that pass, ready to apply (gensim's `freeze()`). */
  freeze(): FrozenPhrases {
    const { threshold, delimiter, connectorWords } = this.options;
    return new FrozenPhrases(this.exportPhrases(), { threshold, delimiter, connectorWords });
  }
}

/** What {@link FrozenPhrases} needs besides its phrases. */
export interface FrozenPhrasesSettings {
  /** Phrases must score above this (default: any score). */
  readonly threshold?: number;
  /** Joins the words of a phrase (default `_`). */
  readonly delimiter?: string;
  /** Words that may sit inside a phrase (default none). */
  readonly connectorWords?: Iterable<string>;
}

/**
 * A fixed set of phrases with their scores (gensim's `FrozenPhrases`): joins them in sentences,
 * greedily from the left, one sentence at a time.
 */
export class FrozenPhrases {
  /** Each phrase (words joined by the delimiter) and its score. */
  readonly phrases: ReadonlyMap<string, number>;
  readonly #threshold: number;
  readonly #delimiter: string;
  readonly #connectorWords: ReadonlySet<string>;

  /** @throws ConfigError for an invalid delimiter or connector words */
  constructor(phrases: ReadonlyMap<string, number>, settings: FrozenPhrasesSettings = {}) {
    const resolved = resolvePhrasesOptions({
      ...(settings.delimiter === undefined ? {} : { delimiter: settings.delimiter }),
      ...(settings.connectorWords === undefined ? {} : { connectorWords: settings.connectorWords }),
    });
    this.phrases = phrases;
    this.#threshold = settings.threshold ?? Number.NEGATIVE_INFINITY;
    this.#delimiter = resolved.delimiter;
    this.#connectorWords = resolved.connectorWords;
  }

  /**
   * The sentence with its phrases joined (gensim's `frozen[sentence]`): a word joins the last
   * non-connector word before it (and the connectors between) when that pair is a phrase; a joined
   * phrase is not extended further in the same pass.
   */
  transform(sentence: readonly string[]): string[] {
    const out: string[] = [];
    let start: string | undefined;
    let between: string[] = [];
    for (const word of sentence) {
      if (this.#connectorWords.has(word)) {
        if (start !== undefined) between.push(word);
        else out.push(word);
        continue;
      }
      if (start !== undefined) {
        const phrase = joinPhrase(start, between, word, this.#delimiter);
        const score = this.phrases.get(phrase);
        if (score !== undefined && score > this.#threshold) {
          out.push(phrase);
          start = undefined;
        } else {
          out.push(start, ...between);
          start = word;
        }
        if (between.length > 0) between = [];
      } else {
        start = word;
      }
    }
    if (start !== undefined) out.push(start, ...between);
    return out;
  }

  /**
   * A corpus with the phrases joined, streamed sentence by sentence: what any trainer takes as its
   * corpus. It can be iterated again when `corpus` can (a path, an array).
   *
   * @throws ConfigError at once for an invalid corpus or option; IoError while reading a file
   */
  apply(corpus: TrainingCorpus, sentenceOptions: SentenceOptions = {}): AsyncIterable<string[]> {
    const sentences = sentencesOf(corpus, sentenceOptions);
    const frozen = this;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const sentence of sentences) yield frozen.transform(sentence);
      },
    };
  }
}

/**
 * Learns `passes` rounds of phrases, each from the corpus as the rounds before it join it: one pass
 * finds two-word phrases, two passes up to four words (`new_york` + `times`). The corpus is
 * streamed once per pass.
 *
 * @throws ConfigError for an invalid option or pass count; IoError / CancelledError while reading
 */
export async function learnPhrasePasses(
  corpus: TrainingCorpus,
  passes: number,
  options: PhrasesOptions = {},
  sentenceOptions: SentenceOptions = {},
): Promise<FrozenPhrases[]> {
  requireInteger('passes', passes, 1, 16);
  const layers: FrozenPhrases[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const phrases = await Phrases.learn(
      applyPhraseLayers(corpus, layers, sentenceOptions),
      options,
      sentenceOptions,
    );
    layers.push(phrases.freeze());
  }
  return layers;
}

/**
 * The corpus with each layer of phrases applied in turn, streamed sentence by sentence (see
 * {@link FrozenPhrases.apply}); with no layer, its sentences unchanged.
 */
export function applyPhraseLayers(
  corpus: TrainingCorpus,
  layers: readonly FrozenPhrases[],
  sentenceOptions: SentenceOptions = {},
): AsyncIterable<readonly string[]> {
  return layers.reduce<AsyncIterable<readonly string[]>>(
    (phrased, layer) => layer.apply(phrased, sentenceOptions),
    sentencesOf(corpus, sentenceOptions),
  );
}
