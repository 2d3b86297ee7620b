import { Random } from '@embedkit/core-math';
import { allocateFloat32, kernels, releaseArray } from '@embedkit/core-math/kernels';
import type { FastTextLossName } from '@embedkit/fasttext-subword';
import { createObjective } from '@embedkit/word2vec/engine';
import type { EncodedLines } from './labelled-corpus.js';
import { FASTTEXT_SIGMOID, type LossWeights, supervisedObjectives } from './supervised-losses.js';

/** One thread's share of supervised training: plain data, posted to a worker thread as it is. */
export interface LineTrainingJob {
  /** Every labelled line (shared between threads). */
  readonly lines: EncodedLines;
  /** The input matrix, `(words + bucket) x dim` (shared). */
  readonly input: Float32Array;
  /** The output side (shared). */
  readonly weights: LossWeights;
  /** The loss. */
  readonly loss: FastTextLossName;
  /** Passes over the thread's lines. */
  readonly epochs: number;
  /** Start learning rate; it decays linearly to 0 over the thread's tokens of all epochs. */
  readonly lr: number;
  /** Tokens between two learning-rate updates (fastText's `lrUpdateRate`). */
  readonly lrUpdateRate: number;
  /** The thread's lines: `first` up to `end`. */
  readonly first: number;
  readonly end: number;
  /** Seed of the thread's random stream (label draws, negatives). */
  readonly seed: number;
}

/** Progress of one thread: tokens trained, and the loss summed since the last report. */
export interface LineTrainingProgress {
  readonly processed: number;
  readonly total: number;
  readonly lr: number;
  readonly lossSum: number;
  readonly examples: number;
}

/** How often (in milliseconds) a thread reports progress. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Trains the job's lines as fastText's `trainThread` does for a supervised model: per line, the
 * hidden vector is the mean of its input rows (`Model::computeHidden`); the engine's objective
 * predicts one label drawn at random among the line's labels (all of them with `ova`); the
 * gradient, divided by the number of rows, is added to every row (`Model::update`).
 * `report` is called every half second or so; it may return a promise (to let the event loop run)
 * and throw to stop (cancellation).
 */
export async function trainLineRange(
  job: LineTrainingJob,
  report: (progress: LineTrainingProgress) => void | Promise<void>,
): Promise<void> {
  const { lines, input, weights, epochs, lr: startLr, lrUpdateRate, first, end } = job;
  const { dim } = weights;
  const math = kernels();
  const random = new Random(job.seed);
  const objective = createObjective(supervisedObjectives(job.loss, weights), dim, {
    math,
    sigmoid: FASTTEXT_SIGMOID,
    random,
  });
  const { rowOffsets, rows, labelOffsets, labels, tokens } = lines;
  let tokensPerEpoch = 0;
  let mostLabels = 1;
  for (let line = first; line < end; line++) {
    tokensPerEpoch += tokens[line]!;
    mostLabels = Math.max(mostLabels, labelOffsets[line + 1]! - labelOffsets[line]!);
  }
  const total = tokensPerEpoch * epochs;
  const hidden = allocateFloat32(dim);
  const gradient = allocateFloat32(dim);
  const targets = new Int32Array(mostLabels);
  let processed = 0;
  let sinceUpdate = 0;
  let lr = startLr;
  let lossSum = 0;
  let examples = 0;
  let reported = Date.now();
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let line = first; line < end; line++) {
        const rowsAt = rowOffsets[line]!;
        const rowsEnd = rowOffsets[line + 1]!;
        const scale = Math.fround(1 / (rowsEnd - rowsAt));
        hidden.fill(0);
        for (let r = rowsAt; r < rowsEnd; r++) math.axpy(1, input, rows[r]! * dim, hidden, 0, dim);
        math.scale(scale, hidden, 0, dim);
        const labelsAt = labelOffsets[line]!;
        const targetCount = labelOffsets[line + 1]! - labelsAt;
        targets.set(labels.subarray(labelsAt, labelsAt + targetCount));
        gradient.fill(0);
        const targetIndex = targetCount === 1 ? 0 : random.nextInt(targetCount);
        lossSum += objective.update(hidden, 0, targets, targetCount, targetIndex, lr, gradient);
        examples++;
        math.scale(scale, gradient, 0, dim);
        for (let r = rowsAt; r < rowsEnd; r++) math.axpy(1, gradient, 0, input, rows[r]! * dim, dim);
        sinceUpdate += tokens[line]!;
        if (sinceUpdate > lrUpdateRate) {
          processed += sinceUpdate;
          sinceUpdate = 0;
          lr = startLr * (1 - processed / total);
          const now = Date.now();
          if (now - reported >= PROGRESS_INTERVAL_MS) {
            reported = now;
            await report({ processed, total, lr, lossSum, examples });
            lossSum = 0;
            examples = 0;
          }
        }
      }
    }
    await report({ processed: total, total, lr: 0, lossSum, examples });
  } finally {
    releaseArray(hidden);
    releaseArray(gradient);
  }
}
