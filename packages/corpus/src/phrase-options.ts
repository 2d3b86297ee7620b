import { ConfigError } from '@embedkit/core-math';
import { requireInteger } from './options.js';

/**
 * How a candidate phrase `a b` is scored, as gensim's `Phrases(scoring=…)`:
 * - `default`: word2vec's `(count(ab) − minCount) / (count(a) · count(b)) · vocabularySize`, where
 *   the vocabulary counts words and candidate phrases (Mikolov et al. 2013);
 * - `npmi`: normalised pointwise mutual information, in [−1, 1] (Bouma 2009), for candidates seen
 *   at least `minCount` times.
 */
export type PhraseScoring = 'default' | 'npmi';

/**
 * gensim's `ENGLISH_CONNECTOR_WORDS`: articles, common prepositions and conjunctions that may sit
 * inside a phrase (`bank_of_america`) but never start or end one.
 */
export const ENGLISH_CONNECTOR_WORDS: ReadonlySet<string> = new Set(
  'a an the for of with without at from to in on by and or'.split(' '),
);

/** Options of phrase detection (gensim's `Phrases` arguments, with its defaults). */
export interface PhrasesOptions {
  /** Candidates (and words) seen fewer times are never phrases. Default 5. */
  readonly minCount?: number;
  /**
   * A candidate becomes a phrase when its score is above this. Default 10 (for `default`
   * scoring, where it must be > 0); for `npmi` it must lie in (−1, 1].
   */
  readonly threshold?: number;
  /** {@link PhraseScoring}. Default `default`. */
  readonly scoring?: PhraseScoring;
  /**
   * Largest number of counted entries (words and candidate phrases) kept while learning; above it,
   * entries with counts below a rising floor are dropped after each sentence, as gensim does.
   * Default 40,000,000.
   */
  readonly maxVocabSize?: number;
  /** Joins the words of a phrase. Default `_`. */
  readonly delimiter?: string;
  /**
   * Words that may sit inside a phrase but never start or end one (default none, as gensim);
   * pass {@link ENGLISH_CONNECTOR_WORDS} for gensim's English set.
   */
  readonly connectorWords?: Iterable<string>;
}

/** {@link PhrasesOptions} with defaults applied and values checked. */
export interface ResolvedPhrasesOptions {
  readonly minCount: number;
  readonly threshold: number;
  readonly scoring: PhraseScoring;
  readonly maxVocabSize: number;
  readonly delimiter: string;
  readonly connectorWords: ReadonlySet<string>;
}

/** gensim's defaults: `min_count=5, threshold=10, scoring='default', max_vocab_size=40_000_000, delimiter='_'`. */
export const PHRASES_DEFAULTS = {
  minCount: 5,
  threshold: 10,
  scoring: 'default',
  maxVocabSize: 40_000_000,
  delimiter: '_',
} as const;

function requireThreshold(value: unknown, scoring: PhraseScoring): number {
  if (scoring === 'npmi') {
    if (typeof value !== 'number' || !(value > -1 && value <= 1)) {
      throw new ConfigError('threshold', value, 'a number in (-1, 1] for npmi scoring');
    }
  } else if (typeof value !== 'number' || !(value > 0) || value === Number.POSITIVE_INFINITY) {
    throw new ConfigError('threshold', value, 'a finite number > 0 for default scoring');
  }
  return value;
}

/**
 * Applies the defaults of {@link PhrasesOptions} and validates them.
 *
 * @throws ConfigError naming the first invalid option
 */
export function resolvePhrasesOptions(options: PhrasesOptions = {}): ResolvedPhrasesOptions {
  const scoring = options.scoring ?? PHRASES_DEFAULTS.scoring;
  if (scoring !== 'default' && scoring !== 'npmi') {
    throw new ConfigError('scoring', scoring, "'default' or 'npmi'");
  }
  const delimiter = options.delimiter ?? PHRASES_DEFAULTS.delimiter;
  if (typeof delimiter !== 'string' || delimiter.length === 0 || /\s/u.test(delimiter)) {
    throw new ConfigError('delimiter', delimiter, 'a non-empty string without whitespace');
  }
  const connectors = options.connectorWords ?? [];
  if (
    typeof connectors === 'string' ||
    typeof (connectors as Iterable<string>)[Symbol.iterator] !== 'function'
  ) {
    throw new ConfigError('connectorWords', connectors, 'an iterable of words (such as a Set or an array)');
  }
  return {
    minCount: requireInteger('minCount', options.minCount ?? PHRASES_DEFAULTS.minCount, 1, 2 ** 31),
    threshold: requireThreshold(options.threshold ?? PHRASES_DEFAULTS.threshold, scoring),
    scoring,
    maxVocabSize: requireInteger(
      'maxVocabSize',
      options.maxVocabSize ?? PHRASES_DEFAULTS.maxVocabSize,
      1,
      2 ** 31,
    ),
    delimiter,
    connectorWords: new Set(connectors),
  };
}
