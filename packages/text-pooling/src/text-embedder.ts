import {
  ConfigError,
  DimensionMismatchError,
  type Embedder,
  FormatError,
  NumericError,
  principalComponents,
  throwIfAborted,
} from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import type { Tokenizer } from '@embedkit/corpus';
import { DocumentFrequencies, type DocumentFrequenciesState } from './document-frequencies.js';
import {
  type PoolingMethod,
  type ResolvedOptions,
  type TextEmbedderOptions,
  type WordWeights,
  resolveOptions,
} from './options.js';
import { maxRows, removeProjections, sumRows, unitMeanRows } from './pool.js';
import { type OovPolicy, TokenRows, lookUpTokens } from './token-rows.js';
import { WordFrequencies, type WordFrequenciesState } from './word-frequencies.js';

/** One text's vector and how it was made. */
export interface TextEmbedding {
  /** The pooled vector ({@link TextEmbedder.dim} values); all zeros when `empty`. */
  readonly vector: Float32Array;
  /** No token of the text had a vector (empty text, or only unknown words). Never NaN. */
  readonly empty: boolean;
  /** The tokens whose vectors were pooled, in text order (repeats included). */
  readonly tokens: readonly string[];
  /** The tokens left out because the embedder has no vector for them under the `oov` policy. */
  readonly skipped: readonly string[];
}

/** The vectors of several texts, one row each. */
export interface EmbeddingBatch {
  /** Row-major `count x dim` matrix; row `i` is the vector of text `offset + i`. */
  readonly vectors: Float32Array;
  /** Values per row ({@link TextEmbedder.dim}). */
  readonly dim: number;
  /** Number of rows. */
  readonly count: number;
  /** `empty[i]`: text `offset + i` had no token with a vector (its row is zeros). */
  readonly empty: readonly boolean[];
  /** Index of the first row's text in the whole input (0 for `embedMany`). */
  readonly offset: number;
}

/** Options of {@link TextEmbedder.embedStream}. */
export interface EmbedStreamOptions {
  /** Texts per yielded batch. Default 256. */
  readonly batchSize?: number;
  /** Stops the stream between batches with `CancelledError`. */
  readonly signal?: AbortSignal;
}

/** The saved state of a {@link TextEmbedder}: its options and what `fit` learnt (JSON-compatible). */
export interface TextEmbedderState {
  /** Always `embedkit-text-embedder`. */
  readonly format: 'embedkit-text-embedder';
  /** Version of this layout: 1. */
  readonly version: 1;
  /** The pooling method. */
  readonly method: PoolingMethod;
  /** The tokenizer's name; `custom` must be given again to `fromJSON`. */
  readonly tokenizer: 'whitespace' | 'unicode-word' | 'custom';
  /** Whether texts are lower-cased before tokenizing. */
  readonly lowercase: boolean;
  /** The out-of-vocabulary policy. */
  readonly oov: OovPolicy;
  /** The word vectors' dimension the state was made for. */
  readonly dim: number;
  /** `weighted`: the weight table, or `null` when the weights were a function (give it again). */
  readonly weights?: readonly (readonly [string, number])[] | null;
  /** `weighted`: the weight of a token the table does not hold. */
  readonly defaultWeight?: number;
  /** `tfidf`: the fitted document frequencies (`null` before `fit`). */
  readonly documentFrequencies?: DocumentFrequenciesState | null;
  /** `sif`: the smoothing constant. */
  readonly a?: number;
  /** `sif`: how many principal components are removed. */
  readonly components?: number;
  /** `sif`: the frequency table (`null` before `fit` when none was given). */
  readonly frequencies?: WordFrequenciesState | null;
  /** `sif`: the removed components, row-major `components x dim` (`null` before `fit`). */
  readonly principalComponents?: readonly number[] | null;
}

/** What {@link TextEmbedder.fromJSON} cannot read from a state: functions. */
export interface TextEmbedderRestoreOptions {
  /** The tokenizer, required when the state says `custom`. */
  readonly tokenizer?: Tokenizer;
  /** The weight function, required for a `weighted` state saved with a function. */
  readonly weights?: WordWeights;
}

const STATE_FILE = { file: '<TextEmbedder state>' };

/**
 * Turns texts into vectors with any {@link Embedder} (word2vec, GloVe, fastText, loaded vectors):
 * tokenize consistently with the embedder, look the tokens up under an out-of-vocabulary policy,
 * pool their vectors (mean, unit-mean, weighted, TF-IDF, SIF, max, mean-max). `tfidf` and `sif`
 * must be fitted on a collection first ({@link TextEmbedder.fit}); the fitted state survives
 * {@link TextEmbedder.toJSON} / {@link TextEmbedder.fromJSON} bit for bit.
 */
export class TextEmbedder {
  /** The word embedder whose vectors are pooled. */
  readonly embedder: Embedder;
  /** The pooling method. */
  readonly method: PoolingMethod;
  /** Dimension of the text vectors: the embedder's, doubled for `mean-max`. */
  readonly dim: number;
  readonly #options: ResolvedOptions;
  readonly #rows = new TokenRows();
  #weights = new Float64Array(64);
  #documentFrequencies: DocumentFrequencies | undefined;
  #frequencies: WordFrequencies | undefined;
  #principalComponents: Float32Array | undefined;

  /**
   * @param embedder - the word vectors to pool
   * @param options - method, tokenization, OOV policy and method-specific options
   * @throws ConfigError when an option is invalid or belongs to another method
   */
  constructor(embedder: Embedder, options: TextEmbedderOptions = {}) {
    this.#options = resolveOptions(options, embedder.dim);
    this.embedder = embedder;
    this.method = this.#options.method;
    this.dim = this.method === 'mean-max' ? 2 * embedder.dim : embedder.dim;
    this.#frequencies = this.#options.frequencies;
  }

  /** Whether the embedder can embed now: always, except `tfidf` and `sif` before {@link TextEmbedder.fit}. */
  get fitted(): boolean {
    if (this.method === 'tfidf') return this.#documentFrequencies !== undefined;
    if (this.method === 'sif') {
      return (
        this.#frequencies !== undefined &&
        (this.#options.components === 0 || this.#principalComponents !== undefined)
      );
    }
    return true;
  }

  /** `tfidf`: the fitted document frequencies. */
  get documentFrequencies(): DocumentFrequencies | undefined {
    return this.#documentFrequencies;
  }

  /** `sif`: the frequency table `p(w)` comes from. */
  get frequencies(): WordFrequencies | undefined {
    return this.#frequencies;
  }

  /** `sif`: a copy of the removed principal components, row-major `components x dim`. */
  get principalComponents(): Float32Array | undefined {
    return this.#principalComponents?.slice();
  }

  /** The tokens of `text` as this embedder sees them (lower-cased first when `lowercase`). */
  tokenize(text: string): string[] {
    return this.#options.tokenize(this.#options.lowercase ? text.toLowerCase() : text);
  }

  /**
   * Learns what the method needs from a collection of texts: document frequencies (`tfidf`);
   * word frequencies when no table was given, then the principal components of the weighted
   * averages of `texts` (`sif`, uncentred like the paper's TruncatedSVD). Other methods need
   * nothing and return at once. Fitting again replaces the previous state.
   *
   * @throws ConfigError when `texts` is empty (for `tfidf` and `sif`), or has no word or no known word (`sif`)
   */
  fit(texts: Iterable<string>): this {
    if (this.method === 'tfidf') {
      const documentFrequencies = DocumentFrequencies.fit(this.#tokenizeAll(texts));
      if (documentFrequencies.documents === 0) throw emptyFitError();
      this.#documentFrequencies = documentFrequencies;
    } else if (this.method === 'sif') {
      this.#fitSif(Array.from(this.#tokenizeAll(texts)));
    }
    return this;
  }

  /**
   * The vector of one text.
   * @throws ConfigError before `fit` for `tfidf` and `sif`
   * @throws KeyNotFoundError for an unknown token when `oov` is `error`
   */
  embed(text: string): TextEmbedding {
    this.#requireFitted();
    const skipped: string[] = [];
    lookUpTokens(this.embedder, this.tokenize(text), this.#options.oov, this.#rows, skipped);
    const vector = new Float32Array(this.dim);
    const pooled = this.#poolInto(vector, 0);
    requireFinite(vector, 0, this.dim, 'the text vector');
    return { vector, empty: !pooled, tokens: this.#rows.tokens.slice(0, this.#rows.count), skipped };
  }

  /** The vectors of `texts`, as one matrix. */
  embedMany(texts: Iterable<string>): EmbeddingBatch {
    return this.#embedBatch(Array.isArray(texts) ? texts : Array.from(texts), 0);
  }

  /**
   * Embeds a large (possibly asynchronous) stream of texts, yielding batches of `batchSize` rows,
   * so the whole collection never has to be in memory.
   */
  async *embedStream(
    texts: Iterable<string> | AsyncIterable<string>,
    options: EmbedStreamOptions = {},
  ): AsyncGenerator<EmbeddingBatch, void, undefined> {
    const batchSize = options.batchSize ?? 256;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new ConfigError('batchSize', batchSize, 'an integer of at least 1');
    }
    this.#requireFitted();
    let batch: string[] = [];
    let offset = 0;
    for await (const text of texts) {
      batch.push(text);
      if (batch.length === batchSize) {
        throwIfAborted(options.signal, 'embedding the texts');
        yield this.#embedBatch(batch, offset);
        offset += batch.length;
        batch = [];
      }
    }
    throwIfAborted(options.signal, 'embedding the texts');
    if (batch.length > 0) yield this.#embedBatch(batch, offset);
  }

  /** The options and the fitted state, JSON-compatible (see {@link TextEmbedderState}). */
  toJSON(): TextEmbedderState {
    const options = this.#options;
    const common = {
      format: 'embedkit-text-embedder',
      version: 1,
      method: this.method,
      tokenizer: options.tokenizerName,
      lowercase: options.lowercase,
      oov: options.oov,
      dim: this.embedder.dim,
    } as const;
    switch (this.method) {
      case 'weighted':
        return {
          ...common,
          weights: options.weights instanceof Map ? [...options.weights] : null,
          defaultWeight: options.defaultWeight,
        };
      case 'tfidf':
        return { ...common, documentFrequencies: this.#documentFrequencies?.toJSON() ?? null };
      case 'sif':
        return {
          ...common,
          a: options.a,
          components: options.components,
          frequencies: this.#frequencies?.toJSON() ?? null,
          principalComponents:
            this.#principalComponents === undefined ? null : Array.from(this.#principalComponents),
        };
      default:
        return common;
    }
  }

  /**
   * Rebuilds a text embedder from {@link TextEmbedder.toJSON}'s output over `embedder`; it then
   * gives the same vectors as the one that was saved.
   *
   * @throws FormatError when the state is malformed
   * @throws DimensionMismatchError when `embedder` has another dimension than the saved one
   * @throws ConfigError when the state needs a tokenizer or weight function that was not given
   */
  static fromJSON(
    state: TextEmbedderState,
    embedder: Embedder,
    restore: TextEmbedderRestoreOptions = {},
  ): TextEmbedder {
    if (state?.format !== 'embedkit-text-embedder' || state.version !== 1) {
      throw new FormatError(STATE_FILE, 'format "embedkit-text-embedder", version 1');
    }
    if (state.dim !== embedder.dim) throw new DimensionMismatchError(state.dim, embedder.dim, 'embedder');
    if (state.tokenizer === 'custom' && restore.tokenizer === undefined) {
      throw new ConfigError('tokenizer', undefined, 'the custom tokenizer function the state was saved with');
    }
    const options: { -readonly [K in keyof TextEmbedderOptions]: TextEmbedderOptions[K] } = {
      method: state.method,
      tokenizer: restore.tokenizer ?? (state.tokenizer === 'custom' ? undefined : state.tokenizer),
      lowercase: state.lowercase,
      oov: state.oov,
    };
    if (state.method === 'weighted') {
      if (state.weights === null && restore.weights === undefined) {
        throw new ConfigError('weights', undefined, 'the weight function the state was saved with');
      }
      options.weights = restore.weights ?? new Map(state.weights ?? []);
      options.defaultWeight = state.defaultWeight;
    } else if (state.method === 'sif') {
      options.a = state.a;
      options.components = state.components;
    }
    const restored = new TextEmbedder(embedder, options);
    if (state.documentFrequencies) {
      restored.#documentFrequencies = DocumentFrequencies.fromJSON(state.documentFrequencies);
    }
    if (state.frequencies) restored.#frequencies = WordFrequencies.fromJSON(state.frequencies);
    if (state.principalComponents) {
      const expected = restored.#options.components * embedder.dim;
      if (state.principalComponents.length !== expected) {
        throw new FormatError(
          STATE_FILE,
          `${expected} principal component values`,
          `${state.principalComponents.length}`,
        );
      }
      restored.#principalComponents = Float32Array.from(state.principalComponents);
    }
    return restored;
  }

  *#tokenizeAll(texts: Iterable<string>): Generator<string[]> {
    for (const text of texts) yield this.tokenize(text);
  }

  #fitSif(documents: readonly string[][]): void {
    if (documents.length === 0) throw emptyFitError();
    if (this.#options.frequencies === undefined && documents.every((tokens) => tokens.length === 0)) {
      throw new ConfigError(
        'texts',
        `${documents.length} texts without a word`,
        'at least one text with a word, to count the word frequencies SIF weights by (or give a frequencies table)',
      );
    }
    const frequencies = this.#options.frequencies ?? WordFrequencies.fromTokens(documents);
    const { components } = this.#options;
    const dim = this.embedder.dim;
    let principal: Float32Array | undefined;
    if (components > 0) {
      const matrix = new Float32Array(documents.length * dim);
      let pooled = 0;
      for (let i = 0; i < documents.length; i++) {
        lookUpTokens(this.embedder, documents[i]!, this.#options.oov, this.#rows);
        this.#sifAverage(frequencies, matrix, i * dim);
        if (this.#rows.count > 0) pooled++;
      }
      if (pooled === 0) {
        throw new ConfigError(
          'texts',
          `${documents.length} texts`,
          'at least one text with a known word to fit on',
        );
      }
      principal = principalComponents(matrix, documents.length, dim, components, { center: false });
    }
    this.#frequencies = frequencies;
    this.#principalComponents = principal;
  }

  #requireFitted(): void {
    if (!this.fitted) {
      throw new ConfigError(
        'method',
        this.method,
        `fit(texts) to be called before embedding: "${this.method}" needs state fitted on a collection`,
      );
    }
  }

  #embedBatch(texts: readonly string[], offset: number): EmbeddingBatch {
    this.#requireFitted();
    const { dim } = this;
    const vectors = new Float32Array(texts.length * dim);
    const empty: boolean[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) {
      lookUpTokens(this.embedder, this.tokenize(texts[i]!), this.#options.oov, this.#rows);
      empty[i] = !this.#poolInto(vectors, i * dim);
      requireFinite(vectors, i * dim, dim, `the vector of text ${offset + i}`);
    }
    return { vectors, dim, count: texts.length, empty, offset };
  }

  /** Pools the current rows into `out` at `offset`; returns whether any vector was pooled. */
  #poolInto(out: Float32Array, offset: number): boolean {
    const rows = this.#rows;
    const dim = this.embedder.dim;
    switch (this.method) {
      case 'mean':
      case 'mean-max':
        sumRows(rows, dim, undefined, out, offset);
        if (rows.count > 0) kernels().scale(1 / rows.count, out, offset, dim);
        if (this.method === 'mean-max') maxRows(rows, dim, out, offset + dim);
        return rows.count > 0;
      case 'unit-mean':
        return unitMeanRows(rows, dim, out, offset) > 0;
      case 'max':
        maxRows(rows, dim, out, offset);
        return rows.count > 0;
      case 'weighted':
      case 'tfidf': {
        const total = sumRows(rows, dim, this.#tokenWeights(), out, offset);
        if (total > 0) kernels().scale(1 / total, out, offset, dim);
        return rows.count > 0;
      }
      case 'sif':
        this.#sifAverage(this.#frequencies!, out, offset);
        if (this.#principalComponents !== undefined) {
          removeProjections(this.#principalComponents, this.#options.components, dim, out, offset);
        }
        return rows.count > 0;
    }
  }

  /** SIF's weighted average `(1/n) Σ a/(a + p(w)) v_w` of the current rows into `out`. */
  #sifAverage(frequencies: WordFrequencies, out: Float32Array, offset: number): void {
    const rows = this.#rows;
    const weights = this.#weightBuffer(rows.count);
    const { a } = this.#options;
    for (let i = 0; i < rows.count; i++) weights[i] = a / (a + frequencies.probability(rows.tokens[i]!));
    sumRows(rows, this.embedder.dim, weights, out, offset);
    if (rows.count > 0) kernels().scale(1 / rows.count, out, offset, this.embedder.dim);
  }

  /** The `weighted` or `tfidf` weight of every current row. */
  #tokenWeights(): Float64Array {
    const rows = this.#rows;
    const weights = this.#weightBuffer(rows.count);
    if (this.method === 'tfidf') {
      const idf = this.#documentFrequencies!;
      for (let i = 0; i < rows.count; i++) weights[i] = idf.idf(rows.tokens[i]!);
      return weights;
    }
    const table = this.#options.weights!;
    const { defaultWeight } = this.#options;
    for (let i = 0; i < rows.count; i++) {
      const token = rows.tokens[i]!;
      const weight = typeof table === 'function' ? table(token) : (table.get(token) ?? defaultWeight);
      if (!Number.isFinite(weight) || weight < 0) {
        throw new ConfigError(`weights(${JSON.stringify(token)})`, weight, 'a finite weight of at least 0');
      }
      weights[i] = weight;
    }
    return weights;
  }

  #weightBuffer(size: number): Float64Array {
    if (this.#weights.length < size)
      this.#weights = new Float64Array(Math.max(size, 2 * this.#weights.length));
    return this.#weights;
  }
}

function emptyFitError(): ConfigError {
  return new ConfigError('texts', 0, 'at least one text to fit on');
}

function requireFinite(values: Float32Array, offset: number, length: number, what: string): void {
  for (let i = offset; i < offset + length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new NumericError(`${what} is not finite: the embedder returned NaN or infinite values`);
    }
  }
}
