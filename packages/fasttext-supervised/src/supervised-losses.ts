import { ConfigError } from '@embedkit/core-math';
import { SigmoidTable, type VectorKernels } from '@embedkit/core-math/kernels';
import type { FastTextLossName } from '@embedkit/fasttext-subword';
import {
  buildHuffmanTree,
  type HuffmanTree,
  type ObjectiveSetup,
  softmaxProbabilities,
} from '@embedkit/word2vec/engine';

/** fastText's logistic table (`Loss::sigmoid`: 512 intervals over [-8, 8]), in training and prediction. */
export const FASTTEXT_SIGMOID = new SigmoidTable(512, 8);

/** fastText's `std_log`: log(x + 1e-5) rounded to float, the score a prediction is ranked by. */
export function fastTextLogScore(probability: number): number {
  return Math.fround(Math.log(probability + 1e-5));
}

/** One predicted label: its index and fastText's score (log(p + 1e-5), see {@link fastTextLogScore}). */
export interface LabelScore {
  /** The label's index. */
  readonly label: number;
  /** fastText's score of the label: log(probability + 1e-5). */
  readonly score: number;
}

/** The output side of a supervised model: one row per label (per inner node of the label tree for `hs`). */
export interface LossWeights {
  /** The output matrix, `labels x dim` (hs uses its first `labels - 1` rows). */
  readonly output: Float32Array;
  /** The vectors' dimension. */
  readonly dim: number;
  /** Each label's training count (the hs tree and the ns noise distribution are built from them). */
  readonly labelCounts: ArrayLike<number>;
  /** Negatives per target for `ns` (fastText's `neg`). */
  readonly negatives: number;
}

/**
 * How a supervised fastText loss scores the labels of a hidden vector (`Loss::predict`); training
 * runs on the engine's objectives ({@link supervisedObjectives}).
 */
export interface LabelScorer {
  /** The `k` best labels whose probability is at least `threshold`, best first. */
  predict(hidden: Float32Array, k: number, threshold: number): LabelScore[];
}

function topScores(scores: Float32Array, k: number, threshold: number): LabelScore[] {
  const kept: LabelScore[] = [];
  for (let label = 0; label < scores.length; label++) {
    if (scores[label]! < threshold) continue;
    kept.push({ label, score: fastTextLogScore(scores[label]!) });
  }
  return best(kept, k);
}

/** The `k` highest scores, ties by label index. */
function best(scores: LabelScore[], k: number): LabelScore[] {
  return scores.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, k);
}

/** The label tree of `hs`, with fastText's convention: the branch with code 1 has probability σ(score). */
function labelTree(labelCounts: ArrayLike<number>): HuffmanTree {
  return buildHuffmanTree(labelCounts);
}

/**
 * The scorer of loss `name` (fastText's `SoftmaxLoss`, `BinaryLogisticLoss` for `ns` and `ova`,
 * `HierarchicalSoftmaxLoss::dfs`) over `weights`.
 *
 * @throws ConfigError when `name` is not one of fastText's losses
 */
export function createLabelScorer(
  name: FastTextLossName,
  weights: LossWeights,
  math: VectorKernels,
): LabelScorer {
  const { output, dim, labelCounts } = weights;
  const labels = labelCounts.length;
  const scores = new Float32Array(labels);
  switch (name) {
    case 'softmax':
      return {
        predict(hidden, k, threshold) {
          softmaxProbabilities(math, output, labels, dim, hidden, 0, scores);
          return topScores(scores, k, threshold);
        },
      };
    case 'ns':
    case 'ova':
      return {
        predict(hidden, k, threshold) {
          math.matVec(output, 0, labels, dim, hidden, 0, scores, 0);
          for (let i = 0; i < labels; i++) scores[i] = FASTTEXT_SIGMOID.sigmoid(scores[i]!);
          return topScores(scores, k, threshold);
        },
      };
    case 'hs': {
      const { offsets, nodes, codes } = labelTree(labelCounts);
      return {
        predict(hidden, k, threshold) {
          const logThreshold = fastTextLogScore(threshold);
          const kept: LabelScore[] = [];
          for (let label = 0; label < labels; label++) {
            let score = 0;
            for (let at = offsets[label]!; at < offsets[label + 1]!; at++) {
              const dot = math.dot(output, nodes[at]! * dim, hidden, 0, dim);
              const f = Math.fround(1 / (1 + Math.exp(-dot)));
              score = Math.fround(score + fastTextLogScore(codes[at] === 1 ? f : Math.fround(1 - f)));
            }
            if (score >= logThreshold) kept.push({ label, score });
          }
          return best(kept, k);
        },
      };
    }
    default:
      throw new ConfigError('loss', name, 'softmax, ns, hs or ova');
  }
}

/**
 * The engine objective that trains loss `name` on `weights` as fastText does: full softmax,
 * negative sampling (noise by count^0.5), one-vs-all, or hierarchical softmax over the label tree
 * in fastText's convention (the engine takes branch 0 as the positive label, so the tree's codes
 * are flipped for it).
 */
export function supervisedObjectives(name: FastTextLossName, weights: LossWeights): ObjectiveSetup {
  const { output, labelCounts, negatives } = weights;
  switch (name) {
    case 'softmax':
      return [{ kind: 'softmax', outputWeights: output }];
    case 'ova':
      return [{ kind: 'one-vs-all', outputWeights: output }];
    case 'ns':
      return [
        {
          kind: 'negative-sampling',
          negative: negatives,
          noiseCounts: Float64Array.from(labelCounts),
          noisePower: 0.5,
          outputWeights: output,
        },
      ];
    case 'hs': {
      const tree = labelTree(labelCounts);
      const rows = Math.max(0, labelCounts.length - 1) * weights.dim;
      return [
        {
          kind: 'hierarchical-softmax',
          tree: { ...tree, codes: tree.codes.map((code) => 1 - code) },
          nodeWeights: output.subarray(0, rows),
        },
      ];
    }
    default:
      throw new ConfigError('loss', name, 'softmax, ns, hs or ova');
  }
}
