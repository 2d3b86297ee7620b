/** Precision, recall and F1 of one label, as fastText's `test-label` prints them. */
export interface LabelMetrics {
  /** The label, with its prefix. */
  readonly label: string;
  /** Test lines that carry the label. */
  readonly gold: number;
  /** Predictions of the label. */
  readonly predicted: number;
  /** Predictions of the label on lines that carry it. */
  readonly correct: number;
  /** `correct / predicted` (NaN when never predicted). */
  readonly precision: number;
  /** `correct / gold` (NaN when no line carries it). */
  readonly recall: number;
  /** `2 · correct / (predicted + gold)` (NaN when both are 0). */
  readonly f1: number;
}

/** What `fasttext test` and `test-label` report for a labelled file. */
export interface ClassificationReport {
  /** Lines with at least one known label and one input row (fastText's `N`). */
  readonly examples: number;
  /** The `k` the predictions were made with. */
  readonly k: number;
  /** Correct predictions over all predictions (P@k). */
  readonly precision: number;
  /** Correct predictions over all gold labels (R@k). */
  readonly recall: number;
  /** Every label of the model, in the model's order. */
  readonly labels: readonly LabelMetrics[];
}

/** Counts predictions against gold labels as fastText's `Meter` does. */
export class ClassificationMeter {
  readonly #labels: readonly string[];
  readonly #gold: Float64Array;
  readonly #predicted: Float64Array;
  readonly #correct: Float64Array;
  #examples = 0;

  /** @param labels - the model's labels */
  constructor(labels: readonly string[]) {
    this.#labels = labels;
    this.#gold = new Float64Array(labels.length);
    this.#predicted = new Float64Array(labels.length);
    this.#correct = new Float64Array(labels.length);
  }

  /** Records one example: its gold label indices and the predicted label indices. */
  log(gold: readonly number[], predicted: readonly number[]): void {
    this.#examples++;
    for (const label of predicted) {
      this.#predicted[label]!++;
      if (gold.includes(label)) this.#correct[label]!++;
    }
    for (const label of gold) this.#gold[label]!++;
  }

  /** The report so far, for predictions made with `k`. */
  report(k: number): ClassificationReport {
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    const labels = this.#labels.map((label, i) => {
      const g = this.#gold[i]!;
      const p = this.#predicted[i]!;
      const c = this.#correct[i]!;
      gold += g;
      predicted += p;
      correct += c;
      return {
        label,
        gold: g,
        predicted: p,
        correct: c,
        precision: p === 0 ? Number.NaN : c / p,
        recall: g === 0 ? Number.NaN : c / g,
        f1: p + g === 0 ? Number.NaN : (2 * c) / (p + g),
      };
    });
    return {
      examples: this.#examples,
      k,
      precision: predicted === 0 ? Number.NaN : correct / predicted,
      recall: gold === 0 ? Number.NaN : correct / gold,
      labels,
    };
  }
}
