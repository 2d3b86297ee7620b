import { ConfigError, DimensionMismatchError, rankAverage } from '@embedkit/core-math';

/**
 * The area under the ROC curve of `scores` for binary `labels` (1 = positive): the probability
 * that a random positive scores above a random negative, ties counting one half (the
 * Mann–Whitney statistic, as scikit-learn's `roc_auc_score`).
 *
 * @example
 * ```ts
 * rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]); // 0.75
 * ```
 * @throws ConfigError unless both classes occur; DimensionMismatchError when the lengths differ
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length)
    throw new DimensionMismatchError(scores.length, labels.length, 'labels');
  const ranks = rankAverage(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new ConfigError('labels', `${positives} positives, ${negatives} negatives`, 'both classes');
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Micro- and macro-averaged F1 of a single-label classification. */
export interface F1Scores {
  /** F1 over all decisions pooled (equals accuracy for single-label predictions). */
  readonly micro: number;
  /** The mean of the per-class F1 scores (classes that occur in the truth or the predictions). */
  readonly macro: number;
}

/**
 * Micro- and macro-F1 of `predicted` against `truth` (class labels of any kind), as scikit-learn's
 * `f1_score(average='micro' | 'macro')`; a class with no true and no predicted member is not counted.
 *
 * @example
 * ```ts
 * f1Scores(['a', 'a', 'b'], ['a', 'b', 'b']); // micro 0.667, macro 0.667
 * ```
 * @throws DimensionMismatchError when the lengths differ; ConfigError when they are empty
 */
export function f1Scores<Label>(truth: readonly Label[], predicted: readonly Label[]): F1Scores {
  if (truth.length !== predicted.length)
    throw new DimensionMismatchError(truth.length, predicted.length, 'predictions');
  if (truth.length === 0) throw new ConfigError('truth', '[]', 'at least one label');
  const counts = new Map<Label, { tp: number; fp: number; fn: number }>();
  const entry = (label: Label) => {
    let found = counts.get(label);
    if (found === undefined) {
      found = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, found);
    }
    return found;
  };
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === predicted[i]) {
      entry(truth[i]!).tp++;
      correct++;
    } else {
      entry(truth[i]!).fn++;
      entry(predicted[i]!).fp++;
    }
  }
  let macro = 0;
  for (const { tp, fp, fn } of counts.values()) macro += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { micro: correct / truth.length, macro: macro / counts.size };
}
