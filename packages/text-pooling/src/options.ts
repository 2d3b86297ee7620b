import { ConfigError } from '@embedkit/core-math';
import { type Tokenizer, unicodeWordTokenizer, whitespaceTokenizer } from '@embedkit/corpus';
import type { OovPolicy } from './token-rows.js';
import type { WordFrequencies } from './word-frequencies.js';

/**
 * How the word vectors of a text become one vector (formulas in `docs/text-pooling.md`):
 * - `mean`: `(1/n) Σ v_w`
 * - `unit-mean`: `(1/n) Σ v_w/‖v_w‖` over non-zero vectors (fastText's sentence vector)
 * - `weighted`: `Σ c_w v_w / Σ c_w` with caller-given weights `c_w`
 * - `tfidf`: `weighted` with `c_w = idf(w)` fitted on a collection (each occurrence counts: tf)
 * - `sif`: `(1/n) Σ a/(a + p(w)) v_w`, then the projection on the first principal
 *   component(s) of a reference set is removed (Arora, Liang & Ma 2017)
 * - `max`: per-dimension maximum
 * - `mean-max`: `mean` followed by `max` (`2·dim` values)
 */
export type PoolingMethod = 'mean' | 'unit-mean' | 'weighted' | 'tfidf' | 'sif' | 'max' | 'mean-max';

/** Every pooling method, in documentation order. */
export const POOLING_METHODS: readonly PoolingMethod[] = [
  'mean',
  'unit-mean',
  'weighted',
  'tfidf',
  'sif',
  'max',
  'mean-max',
];

/** A named tokenizer (recorded by name in the saved state), or any function from text to tokens. */
export type TokenizerChoice = 'whitespace' | 'unicode-word' | Tokenizer;

/** Caller-given word weights of the `weighted` method: a table, or a function of the token. */
export type WordWeights = ReadonlyMap<string, number> | ((token: string) => number);

/** Options of a {@link TextEmbedder}; method-specific options are rejected for other methods. */
export interface TextEmbedderOptions {
  /** The pooling method. Default `mean`. */
  readonly method?: PoolingMethod;
  /**
   * How a text is cut into tokens: `whitespace` (corpus's `whitespaceTokenizer`, as word2vec and
   * fastText read text), `unicode-word` (corpus's `unicodeWordTokenizer`: words without
   * punctuation), or a function. Default `whitespace`.
   */
  readonly tokenizer?: TokenizerChoice;
  /** Lower-case the text before tokenizing (for lower-case vectors such as GloVe 6B). Default `false`. */
  readonly lowercase?: boolean;
  /** What to do with a token outside the embedder's vocabulary. Default `skip`. */
  readonly oov?: OovPolicy;
  /** `weighted` only (required): each token's weight, a finite number of at least 0. */
  readonly weights?: WordWeights;
  /** `weighted` only: the weight of a token that a `weights` Map does not hold. Default 1. */
  readonly defaultWeight?: number;
  /** `sif` only: the smoothing constant `a` of the weight `a / (a + p(w))`. Default `1e-3`. */
  readonly a?: number;
  /** `sif` only: how many principal components to remove (0 keeps the weighted mean). Default 1. */
  readonly components?: number;
  /**
   * `sif` only: the frequency table `p(w)` comes from (for example {@link readWordFrequencies}).
   * Default: counted on the texts given to `fit`.
   */
  readonly frequencies?: WordFrequencies;
}

/** {@link TextEmbedderOptions} with every default applied. */
export interface ResolvedOptions {
  readonly method: PoolingMethod;
  readonly tokenizerName: 'whitespace' | 'unicode-word' | 'custom';
  readonly tokenize: Tokenizer;
  readonly lowercase: boolean;
  readonly oov: OovPolicy;
  readonly weights: WordWeights | undefined;
  readonly defaultWeight: number;
  readonly a: number;
  readonly components: number;
  readonly frequencies: WordFrequencies | undefined;
}

const OOV_POLICIES: readonly OovPolicy[] = ['skip', 'subword', 'error'];

/** Which options belong to which method (the others are rejected when given). */
const METHOD_OPTIONS: Readonly<Record<string, PoolingMethod>> = {
  weights: 'weighted',
  defaultWeight: 'weighted',
  a: 'sif',
  components: 'sif',
  frequencies: 'sif',
};

/**
 * Validates `options` against an embedder of dimension `dim` and fills in the defaults.
 * @throws ConfigError naming the first invalid option
 */
export function resolveOptions(options: TextEmbedderOptions, dim: number): ResolvedOptions {
  const method = options.method ?? 'mean';
  if (!POOLING_METHODS.includes(method))
    throw new ConfigError('method', method, `one of ${POOLING_METHODS.join(', ')}`);
  for (const [option, owner] of Object.entries(METHOD_OPTIONS)) {
    if (options[option as keyof TextEmbedderOptions] !== undefined && owner !== method) {
      throw new ConfigError(
        option,
        options[option as keyof TextEmbedderOptions],
        `no value: it applies to method "${owner}" only`,
      );
    }
  }
  const oov = options.oov ?? 'skip';
  if (!OOV_POLICIES.includes(oov)) throw new ConfigError('oov', oov, `one of ${OOV_POLICIES.join(', ')}`);
  const lowercase = options.lowercase ?? false;
  if (typeof lowercase !== 'boolean') throw new ConfigError('lowercase', lowercase, 'true or false');
  if (method === 'weighted' && !(options.weights instanceof Map) && typeof options.weights !== 'function') {
    throw new ConfigError(
      'weights',
      options.weights,
      'a Map or a function from token to weight (method "weighted")',
    );
  }
  const defaultWeight = options.defaultWeight ?? 1;
  if (!Number.isFinite(defaultWeight) || defaultWeight < 0) {
    throw new ConfigError('defaultWeight', defaultWeight, 'a finite number of at least 0');
  }
  const a = options.a ?? 1e-3;
  if (!Number.isFinite(a) || a <= 0)
    throw new ConfigError('a', a, 'a finite number greater than 0 (SIF uses 1e-3 to 1e-4)');
  const components = options.components ?? 1;
  if (!Number.isInteger(components) || components < 0 || components > dim) {
    throw new ConfigError('components', components, `an integer from 0 to the dimension ${dim}`);
  }
  const { tokenizerName, tokenize } = resolveTokenizer(options.tokenizer ?? 'whitespace');
  return {
    method,
    tokenizerName,
    tokenize,
    lowercase,
    oov,
    weights: options.weights,
    defaultWeight,
    a,
    components,
    frequencies: options.frequencies,
  };
}

function resolveTokenizer(choice: TokenizerChoice): Pick<ResolvedOptions, 'tokenizerName' | 'tokenize'> {
  if (typeof choice === 'function') return { tokenizerName: 'custom', tokenize: choice };
  if (choice === 'whitespace') return { tokenizerName: choice, tokenize: whitespaceTokenizer };
  if (choice === 'unicode-word') return { tokenizerName: choice, tokenize: unicodeWordTokenizer() };
  throw new ConfigError(
    'tokenizer',
    choice,
    '"whitespace", "unicode-word" or a function from text to tokens',
  );
}
