import { formatGeneral } from '@embedkit/fasttext-subword';
import type { ClassificationReport } from './classification-test.js';
import type { Prediction } from './fasttext-classifier.js';

/**
 * One line of `fasttext predict` (labels separated by spaces) or, with `withProbabilities`, of
 * `fasttext predict-prob` (each label followed by its probability, 6 significant digits); an empty
 * string for a line without predictions.
 */
export function formatPredictionLine(predictions: readonly Prediction[], withProbabilities = false): string {
  return predictions
    .map(({ label, probability }) =>
      withProbabilities ? `${label} ${formatGeneral(probability, 6)}` : label,
    )
    .join(' ');
}

/** What `fasttext test` prints: `N`, `P@k` and `R@k` (3 significant digits), one per line. */
export function formatTestReport(report: ClassificationReport): string {
  const { examples, k, precision, recall } = report;
  return `N\t${examples}\nP@${k}\t${formatGeneral(precision, 3)}\nR@${k}\t${formatGeneral(recall, 3)}\n`;
}

/**
 * What `fasttext test-label` prints: per label `F1-Score : f  Precision : p  Recall : r   label`
 * (6 decimals, `--------` where undefined), then `N`, `P@k`, `R@k` with 3 decimals. Recall and F1
 * count every gold label (fastText 0.9.2 itself leaves the per-label gold counts at 0 in
 * `test-label`, printing recall as `--------`; later fastText releases count them).
 */
export function formatTestLabelReport(report: ClassificationReport): string {
  const metric = (name: string, value: number): string =>
    `${name} : ${Number.isFinite(value) ? value.toFixed(6) : '--------'}  `;
  let out = '';
  for (const label of report.labels) {
    out += `${metric('F1-Score', label.f1)}${metric('Precision', label.precision)}${metric('Recall', label.recall)} ${label.label}\n`;
  }
  const { examples, k, precision, recall } = report;
  return `${out}N\t${examples}\nP@${k}\t${precision.toFixed(3)}\nR@${k}\t${recall.toFixed(3)}\n`;
}
