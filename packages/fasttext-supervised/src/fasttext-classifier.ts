import { ConfigError, FormatError, type SavableModel, type SaveOptions } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import type { FastTextModel } from '@embedkit/fasttext-subword';
import { ClassificationMeter, type ClassificationReport } from './classification-test.js';
import { fastTextLines } from './fasttext-lines.js';
import { SupervisedDictionary } from './supervised-dictionary.js';
import { createLabelScorer, type LabelScorer } from './supervised-losses.js';

/** fastText's default label prefix (`-label`). */
export const DEFAULT_LABEL_PREFIX = '__label__';

/** Options of {@link FastTextClassifier.predict} and {@link FastTextClassifier.test}. */
export interface PredictOptions {
  /** Labels to return per line, at least 1 (fastText's `k`, default 1). */
  readonly k?: number;
  /** Smallest probability a returned label has, from 0 to 1 (default 0). */
  readonly threshold?: number;
}

/** One predicted label. */
export interface Prediction {
  /** The label, with its prefix (e.g. `__label__spam`). */
  readonly label: string;
  /** Its probability as `fasttext predict-prob` prints it: exp(log(p + 1e-5)). */
  readonly probability: number;
}

/** Where {@link FastTextClassifier.test} read its text, for errors. */
export interface TestOptions extends PredictOptions {
  /** The file name errors give (default `<text>`). */
  readonly file?: string;
}

/**
 * A fastText supervised classifier (Joulin et al. 2017, "Bag of Tricks for Efficient Text
 * Classification"): a line's hidden vector is the mean of its word, character n-gram and word
 * n-gram rows (`Model::computeHidden`), and the loss the model was trained with scores the labels.
 * Predictions, `test` and `test-label` give what fastText 0.9.2 gives for the same `.bin`. It is
 * also an `Embedder` of its words, like any fastText model.
 */
export class FastTextClassifier implements SavableModel {
  /** The model: dictionary (words and labels) and matrices. */
  readonly model: FastTextModel;
  /** The labels, with their prefix, in the model's order (most frequent first). */
  readonly labels: readonly string[];
  /** The tokenizer from text to input rows and labels. */
  readonly dictionary: SupervisedDictionary;
  readonly #loss: LabelScorer;
  readonly #hidden: Float32Array;

  /**
   * @param model - a supervised fastText model (`args.model` `supervised`, at least one label)
   * @param labelPrefix - what starts a label token in text given to `test` (default `__label__`)
   * @throws ConfigError when `model` is not a supervised model
   */
  constructor(model: FastTextModel, labelPrefix = DEFAULT_LABEL_PREFIX) {
    if (model.args.model !== 'supervised' || model.labels.length === 0) {
      throw new ConfigError(
        'model',
        `a ${model.args.model} model with ${model.labels.length} labels`,
        'a supervised model with labels (trained by `fasttext supervised` or `embedkit train fasttext-supervised`)',
      );
    }
    if (labelPrefix === '') throw new ConfigError('label', labelPrefix, 'a non-empty label prefix');
    this.model = model;
    this.labels = model.labels;
    this.dictionary = new SupervisedDictionary({
      words: model.words,
      labels: model.labels,
      inputRows: model.inputRowTable,
      subwords: model.subwordIndexer,
      labelPrefix,
      wordNgrams: model.args.wordNgrams,
      bucket: model.args.bucket,
    });
    this.#loss = createLabelScorer(
      model.args.loss,
      {
        output: model.outputMatrix,
        dim: model.dim,
        labelCounts: model.labelCounts,
        negatives: model.args.neg,
      },
      kernels(),
    );
    this.#hidden = new Float32Array(model.dim);
  }

  /** The vectors' dimension. */
  get dim(): number {
    return this.model.dim;
  }

  /** Number of words. */
  get size(): number {
    return this.model.size;
  }

  /** A word's vector (see `FastTextModel.vector`). */
  vector(word: string): Float32Array {
    return this.model.vector(word);
  }

  /** Whether `word` is in the vocabulary. */
  has(word: string): boolean {
    return this.model.has(word);
  }

  /** The words, most frequent first. */
  keys(): IterableIterator<string> {
    return this.model.keys();
  }

  /** The formats the classifier saves in: fastText's `.bin`. */
  get savableFormats(): readonly string[] {
    return this.model.savableFormats;
  }

  /** Saves the model as a fastText `.bin` that `fasttext predict` loads. */
  save(path: string, format: string, options?: SaveOptions): Promise<void> {
    return this.model.save(path, format, options);
  }

  /**
   * The hidden vector of `text` (one line): the mean of its input rows, what fastText's
   * `print-sentence-vectors` prints for a supervised model (a zero vector when it has none).
   */
  textVector(text: string): Float32Array {
    const tokens = fastTextLines(text)[0] ?? [];
    const out = new Float32Array(this.dim);
    this.#hiddenOf(this.dictionary.encode(tokens).rows, out);
    return out;
  }

  /**
   * The `k` most probable labels of `text` (one line, as `fasttext predict-prob` reads it from a
   * file: a trailing newline adds `</s>`), best first, with probability at least `threshold`.
   *
   * @throws ConfigError when `k` < 1 or `threshold` is outside 0..1
   */
  predict(text: string, options: PredictOptions = {}): Prediction[] {
    const { k, threshold } = resolvePredictOptions(options);
    return this.#predictTokens(fastTextLines(text)[0] ?? [], k, threshold);
  }

  /**
   * The predictions of every line of `text`, as `fasttext predict-prob` prints one line per input
   * line (an empty list for a line without words).
   *
   * @throws ConfigError when `k` < 1 or `threshold` is outside 0..1
   */
  predictLines(text: string, options: PredictOptions = {}): Prediction[][] {
    const { k, threshold } = resolvePredictOptions(options);
    return fastTextLines(text).map((tokens) => this.#predictTokens(tokens, k, threshold));
  }

  /**
   * Evaluates the model on labelled lines as `fasttext test` / `test-label` do: each line with at
   * least one label and one input row is an example; its top-`k` predictions (at least
   * `threshold`) are compared with its labels.
   *
   * @throws ConfigError when `k` < 1 or `threshold` is outside 0..1
   * @throws FormatError naming the line of a label the model was not trained on
   */
  test(text: string, options: TestOptions = {}): ClassificationReport {
    const { k, threshold } = resolvePredictOptions(options);
    const meter = new ClassificationMeter(this.labels);
    fastTextLines(text).forEach((tokens, i) => {
      const { rows, labels, unknownLabels } = this.dictionary.encode(tokens);
      if (unknownLabels.length > 0) {
        throw new FormatError(
          { file: options.file ?? '<text>', line: i + 1 },
          `labels the model was trained on (${this.labels.length}: ${this.labels.slice(0, 5).join(', ')}${this.labels.length > 5 ? ', …' : ''})`,
          `${unknownLabels[0]}, a label never seen in training`,
        );
      }
      if (labels.length === 0 || rows.length === 0) return;
      const predicted = this.#hiddenOf(rows, this.#hidden)
        ? this.#loss.predict(this.#hidden, k, threshold).map((p) => p.label)
        : [];
      meter.log(labels, predicted);
    });
    return meter.report(k);
  }

  #predictTokens(tokens: readonly string[], k: number, threshold: number): Prediction[] {
    const { rows } = this.dictionary.encode(tokens);
    if (!this.#hiddenOf(rows, this.#hidden)) return [];
    return this.#loss.predict(this.#hidden, k, threshold).map(({ label, score }) => ({
      label: this.labels[label]!,
      probability: Math.fround(Math.exp(score)),
    }));
  }

  /** Writes the mean of `rows` into `out`; false when there are none. */
  #hiddenOf(rows: readonly number[], out: Float32Array): boolean {
    out.fill(0);
    if (rows.length === 0) return false;
    const math = kernels();
    const { dim, inputMatrix } = this.model;
    for (const row of rows) math.axpy(1, inputMatrix, row * dim, out, 0, dim);
    math.scale(Math.fround(1 / rows.length), out, 0, dim);
    return true;
  }
}

/**
 * `k` and `threshold` with their defaults, checked.
 *
 * @throws ConfigError when `k` is not an integer >= 1 or `threshold` is not in 0..1
 */
export function resolvePredictOptions(options: PredictOptions): { k: number; threshold: number } {
  const k = options.k ?? 1;
  const threshold = options.threshold ?? 0;
  if (!Number.isInteger(k) || k < 1) throw new ConfigError('k', k, 'an integer >= 1 (labels per line)');
  if (!(threshold >= 0 && threshold <= 1))
    throw new ConfigError('threshold', threshold, 'a probability from 0 to 1');
  return { k, threshold };
}
