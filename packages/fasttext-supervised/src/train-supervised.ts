import {
  CancelledError,
  NumericError,
  type TrainContext,
  type TrainingCorpus,
  Random,
  throwIfAborted,
} from '@embedkit/core-math';
import { allocateFloat32, releaseArray } from '@embedkit/core-math/kernels';
import { type FastTextArgs, FastTextModel } from '@embedkit/fasttext-subword';
import { resolveRunSettings, shareInt32Array } from '@embedkit/word2vec/engine';
import { FastTextClassifier } from './fasttext-classifier.js';
import { type EncodedLines, readLabelledCorpus } from './labelled-corpus.js';
import { runLineWorkers } from './line-workers.js';
import type { LossWeights } from './supervised-losses.js';
import { resolveSupervisedOptions, type SupervisedTrainOptions } from './supervised-options.js';
import { type LineTrainingJob, type LineTrainingProgress, trainLineRange } from './train-lines.js';

/**
 * Trains a fastText supervised classifier (Joulin et al. 2017) on labelled lines, as
 * `fasttext supervised` does: each line's hidden vector is the mean of its word, character
 * n-gram and word n-gram rows; the loss (softmax, negative sampling, hierarchical softmax or
 * one-vs-all, the word2vec engine's objectives) predicts one of the line's labels drawn at random
 * (all of them with `ova`), and the hidden vector's gradient, divided by the number of rows, goes
 * to every row. The learning rate decays linearly to 0 over all tokens of all epochs. Weights start
 * as fastText's: input uniform in [-1/dim, 1/dim], output zero. Lines without a label are skipped
 * and counted in a progress message. `context.threads` worker threads train contiguous slices of
 * the lines on the shared matrices (Hogwild); with `threads: 1` and a fixed `seed` the result is
 * bit-identical run after run.
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
  const { threads, seed = 1 } = resolveRunSettings(context);
  const { signal, onProgress } = context;
  const data = await readLabelledCorpus(corpus, resolved, signal === undefined ? {} : { signal });
  onProgress?.({
    phase: 'vocabulary',
    message: `${data.words.length} words, ${data.labels.length} labels, ${data.lines.tokens.length} labelled lines${
      data.skippedLines > 0 ? `; skipped ${data.skippedLines} lines without a label` : ''
    }`,
  });
  const { dim, bucket } = resolved;
  const random = new Random(seed);
  const input = allocateFloat32((data.words.length + bucket) * dim);
  const output = allocateFloat32(data.labels.length * dim);
  try {
    for (let i = 0; i < input.length; i++) input[i] = (random.nextFloat() * 2 - 1) / dim;
    const weights: LossWeights = { output, dim, labelCounts: data.labelCounts, negatives: resolved.negative };
    await trainThreads(data.lines, input, weights, resolved, seed, threads, context);
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

/** Trains every epoch on `threads` contiguous slices of the lines, in this thread when there is one. */
async function trainThreads(
  lines: EncodedLines,
  input: Float32Array,
  weights: LossWeights,
  options: SupervisedTrainOptions,
  seed: number,
  requestedThreads: number,
  context: TrainContext,
): Promise<void> {
  const { signal, onProgress } = context;
  const count = lines.tokens.length;
  const threads = Math.max(1, Math.min(requestedThreads, count));
  const shared: EncodedLines =
    threads === 1
      ? lines
      : {
          rowOffsets: shareInt32Array(lines.rowOffsets),
          rows: shareInt32Array(lines.rows),
          labelOffsets: shareInt32Array(lines.labelOffsets),
          labels: shareInt32Array(lines.labels),
          tokens: shareInt32Array(lines.tokens),
        };
  const jobs: LineTrainingJob[] = Array.from({ length: threads }, (_, thread) => ({
    lines: shared,
    input,
    weights,
    loss: options.loss,
    epochs: options.epochs,
    lr: options.lr,
    lrUpdateRate: options.lrUpdateRate,
    first: Math.floor((thread * count) / threads),
    end: Math.floor(((thread + 1) * count) / threads),
    seed: thread === 0 ? seed : seed + thread * 7919,
  }));
  const latest: LineTrainingProgress[] = [];
  const started = Date.now();
  const report = (thread: number, progress: LineTrainingProgress): void => {
    if (!Number.isFinite(progress.lossSum)) {
      throw new NumericError(`training diverged (loss ${progress.lossSum}) at lr ${options.lr}; lower lr`);
    }
    latest[thread] = progress;
    let processed = 0;
    let total = 0;
    for (const each of latest) {
      processed += each?.processed ?? 0;
      total += each?.total ?? 0;
    }
    onProgress?.({
      phase: 'training',
      epochs: options.epochs,
      processed,
      total,
      unit: 'tokens',
      fraction: total > 0 ? processed / total : 0,
      learningRate: progress.lr,
      perSecond: (processed * 1000) / Math.max(1, Date.now() - started),
      ...(progress.examples > 0 ? { loss: progress.lossSum / progress.examples } : {}),
    });
  };
  if (threads === 1) {
    await trainLineRange(jobs[0]!, async (progress) => {
      report(0, progress);
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfAborted(signal, 'training');
    });
    return;
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  let failure: unknown;
  try {
    await runLineWorkers(
      jobs,
      (thread, progress) => {
        try {
          report(thread, progress);
        } catch (error) {
          failure = error;
          controller.abort();
        }
      },
      controller.signal,
    );
  } catch (error) {
    throw failure ?? (signal?.aborted ? new CancelledError('training') : error);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
