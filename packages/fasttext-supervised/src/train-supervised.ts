import {
  NumericError,
  Random,
  type TrainContext,
  type TrainingCorpus,
  throwIfAborted,
} from '@embedkit/core-math';
import { allocateFloat32, kernels, releaseArray } from '@embedkit/core-math/kernels';
import { type FastTextArgs, FastTextModel } from '@embedkit/fasttext-subword';
import { FastTextClassifier } from './fasttext-classifier.js';
import { type EncodedLines, readLabelledCorpus } from './labelled-corpus.js';
import { createObjective } from '@embedkit/word2vec/engine';
import { FASTTEXT_SIGMOID, type LossWeights, supervisedObjectives } from './supervised-losses.js';
import { resolveSupervisedOptions, type SupervisedTrainOptions } from './supervised-options.js';

/** How often (in milliseconds) training reports progress. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Trains a fastText supervised classifier (Joulin et al. 2017) on labelled lines, as
 * `fasttext supervised` does: each line's hidden vector is the mean of its word, character
 * n-gram and word n-gram rows; the loss (softmax, negative sampling, hierarchical softmax or
 * one-vs-all) predicts one of the line's labels drawn at random (all of them with `ova`), and the
 * hidden vector's gradient, divided by the number of rows, goes to every row. The learning rate
 * decays linearly to 0 over all tokens of all epochs. Weights start as fastText's: input uniform
 * in [-1/dim, 1/dim], output zero. Lines without a label are skipped and counted in a progress
 * message. With a fixed `context.seed` the result is bit-identical run after run.
 *
 * @throws ConfigError for a bad option
 * @throws FormatError when no line has a label
 * @throws CancelledError when `context.signal` aborts
 * @throws NumericError when training diverges (lower `lr`)
 */
export async function trainSupervised(
  corpus: TrainingCorpus,
  options: Partial<SupervisedTrainOptions> = {},
  context: TrainContext = {},
): Promise<FastTextClassifier> {
  const resolved = resolveSupervisedOptions(options);
  const { signal, onProgress } = context;
  const data = await readLabelledCorpus(corpus, resolved, signal === undefined ? {} : { signal });
  onProgress?.({
    phase: 'vocabulary',
    message: `${data.words.length} words, ${data.labels.length} labels, ${data.lines.tokens.length} labelled lines${
      data.skippedLines > 0 ? `; skipped ${data.skippedLines} lines without a label` : ''
    }`,
  });
  const { dim, bucket } = resolved;
  const random = new Random(context.seed ?? 1);
  const input = allocateFloat32((data.words.length + bucket) * dim);
  const output = allocateFloat32(data.labels.length * dim);
  try {
    for (let i = 0; i < input.length; i++) input[i] = (random.nextFloat() * 2 - 1) / dim;
    const weights: LossWeights = { output, dim, labelCounts: data.labelCounts, negatives: resolved.negative };
    await trainLines(data.lines, input, weights, resolved, random, context);
    const args: FastTextArgs = {
      dim,
      ws: 5,
      epoch: resolved.epochs,
      minCount: resolved.minCount,
      neg: resolved.negative,
      wordNgrams: resolved.wordNgrams,
      loss: resolved.loss,
      model: 'supervised',
      bucket,
      minn: resolved.minn,
      maxn: resolved.maxn,
      lrUpdateRate: resolved.lrUpdateRate,
      t: 1e-4,
    };
    const model = new FastTextModel({
      args,
      words: data.words,
      counts: data.wordCounts,
      ntokens: data.ntokens,
      inputMatrix: input.slice(),
      outputMatrix: output.slice(),
      labels: data.labels,
      labelCounts: data.labelCounts,
    });
    return new FastTextClassifier(model, resolved.label);
  } finally {
    releaseArray(input);
    releaseArray(output);
  }
}

/** Runs every epoch over `lines` (fastText's `trainThread` for one thread). */
async function trainLines(
  lines: EncodedLines,
  input: Float32Array,
  weights: LossWeights,
  options: SupervisedTrainOptions,
  random: Random,
  context: TrainContext,
): Promise<void> {
  const { signal, onProgress } = context;
  const { dim, epochs, lr: startLr, lrUpdateRate } = options;
  const math = kernels();
  const objective = createObjective(supervisedObjectives(options.loss, weights), dim, {
    math,
    sigmoid: FASTTEXT_SIGMOID,
    random,
  });
  const hidden = allocateFloat32(dim);
  const gradient = allocateFloat32(dim);
  const { rowOffsets, rows, labelOffsets, labels, tokens } = lines;
  const lineCount = tokens.length;
  let tokensPerEpoch = 0;
  for (let i = 0; i < lineCount; i++) tokensPerEpoch += tokens[i]!;
  const totalTokens = tokensPerEpoch * epochs;
  const targets = new Int32Array(Math.max(1, maxLabels(labelOffsets)));
  let processed = 0;
  let sinceUpdate = 0;
  let lr = startLr;
  let lossSum = 0;
  let examples = 0;
  const started = Date.now();
  let reported = started;
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let line = 0; line < lineCount; line++) {
        const first = rowOffsets[line]!;
        const end = rowOffsets[line + 1]!;
        const n = end - first;
        hidden.fill(0);
        for (let r = first; r < end; r++) math.axpy(1, input, rows[r]! * dim, hidden, 0, dim);
        math.scale(Math.fround(1 / n), hidden, 0, dim);
        const labelsAt = labelOffsets[line]!;
        const targetCount = labelOffsets[line + 1]! - labelsAt;
        targets.set(labels.subarray(labelsAt, labelsAt + targetCount));
        gradient.fill(0);
        const targetIndex = targetCount === 1 ? 0 : random.nextInt(targetCount);
        lossSum += objective.update(hidden, 0, targets, targetCount, targetIndex, lr, gradient);
        examples++;
        math.scale(Math.fround(1 / n), gradient, 0, dim);
        for (let r = first; r < end; r++) math.axpy(1, gradient, 0, input, rows[r]! * dim, dim);
        sinceUpdate += tokens[line]!;
        if (sinceUpdate > lrUpdateRate) {
          processed += sinceUpdate;
          sinceUpdate = 0;
          lr = startLr * (1 - processed / totalTokens);
          const now = Date.now();
          if (now - reported >= PROGRESS_INTERVAL_MS) {
            reported = now;
            throwIfAborted(signal, 'training');
            if (!Number.isFinite(lossSum)) {
              throw new NumericError(`training diverged (loss ${lossSum}) at lr ${startLr}; lower lr`);
            }
            onProgress?.({
              phase: 'training',
              epoch,
              epochs,
              processed,
              total: totalTokens,
              unit: 'tokens',
              fraction: processed / totalTokens,
              learningRate: lr,
              perSecond: (processed * 1000) / Math.max(1, now - started),
              loss: lossSum / Math.max(1, examples),
            });
            lossSum = 0;
            examples = 0;
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        }
      }
    }
    throwIfAborted(signal, 'training');
    if (!Number.isFinite(lossSum)) throw new NumericError(`training diverged at lr ${startLr}; lower lr`);
  } finally {
    releaseArray(hidden);
    releaseArray(gradient);
  }
}

/** The most labels one line carries. */
function maxLabels(labelOffsets: Int32Array): number {
  let most = 0;
  for (let i = 1; i < labelOffsets.length; i++)
    most = Math.max(most, labelOffsets[i]! - labelOffsets[i - 1]!);
  return most;
}
