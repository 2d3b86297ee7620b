import { ConfigError, Random, type TrainContext, type TrainingCorpus } from '@embedkit/core-math';
import { releaseArray } from '@embedkit/core-math/kernels';
import { encodeCorpus, Vocabulary, withReplayableCorpus } from '@embedkit/corpus';
import {
  type EngineSetup,
  objectiveMatrices,
  objectivesForOptions,
  resolveRunSettings,
  runEngine,
  shareInt32Array,
  sharedFloat32Array,
  withPrestartedWorkers,
} from '@embedkit/word2vec/engine';
import { MAX_FLOAT32_LENGTH } from '#array-limits';
import type { FastTextArgs } from './fasttext-args.js';
import { FastTextModel } from './fasttext-model.js';
import { buildInputRowTable } from './subword-table.js';
import { SubwordIndexer } from './subwords.js';
import {
  type FastTextTrainOptions,
  type FastTextTrainOptionsInput,
  resolveFastTextOptions,
} from './train-options.js';

/**
 * Trains a fastText subword model (Bojanowski et al. 2017) on `corpus` with the shared word2vec
 * engine: each word's input is its own row plus its hashed character n-gram rows. Skip-gram
 * averages the rows of the centre word and predicts each context word; CBOW averages the rows of
 * all context words' subwords and predicts the centre word; the hidden vector's update goes to
 * every input row. Weights start as fastText's: input uniform in [-1/dim, 1/dim], output zero.
 * With `context.threads: 1` and a fixed `context.seed` the result is bit-identical run after run.
 *
 * @throws ConfigError for a bad option
 * @throws EmptyVocabularyError when no word occurs `minCount` times
 * @throws CancelledError when `context.signal` aborts
 * @throws NumericError when training diverges (lower `lr`)
 */
export async function trainFastText(
  corpus: TrainingCorpus,
  options: FastTextTrainOptionsInput = {},
  context: TrainContext = {},
): Promise<FastTextModel> {
  const resolved = resolveFastTextOptions(options);
  const { threads } = resolveRunSettings(context);
  return withPrestartedWorkers(threads, () => trainResolved(corpus, resolved, context));
}

/** {@link trainFastText} with its options resolved, while the training workers start. */
async function trainResolved(
  corpus: TrainingCorpus,
  resolved: FastTextTrainOptions,
  context: TrainContext,
): Promise<FastTextModel> {
  const { threads, seed } = resolveRunSettings(context);
  const { signal, onProgress } = context;
  const { dim, bucket, maxSentenceLength } = resolved;
  const reading = {
    maxSentenceLength,
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  // Counted and encoded in one pass (a pipe is copied once first).
  const { vocabulary, sentences } = await withReplayableCorpus(corpus, reading, async (replayable) => {
    const { vocabulary: built, encoded } = await Vocabulary.buildAndEncode(replayable, {
      minCount: resolved.minCount,
      ...(resolved.maxVocab === undefined ? {} : { maxVocab: resolved.maxVocab }),
      ...reading,
    });
    if ((built.size + bucket) * dim > MAX_FLOAT32_LENGTH) {
      throw new ConfigError(
        'bucket',
        bucket,
        `(words + bucket) x dim at most ${MAX_FLOAT32_LENGTH} floats, what one array holds here (${built.size} words, dim ${dim})`,
      );
    }
    return { vocabulary: built, sentences: encoded ?? (await encodeCorpus(replayable, built, reading)) };
  });
  const words = vocabulary.size;
  const args: FastTextArgs = {
    dim,
    ws: resolved.window,
    epoch: resolved.epochs,
    minCount: resolved.minCount,
    neg: resolved.negative,
    wordNgrams: 1,
    loss: resolved.hs ? 'hs' : 'ns',
    model: resolved.model,
    bucket,
    minn: resolved.minn,
    maxn: resolved.maxn,
    lrUpdateRate: resolved.lrUpdateRate,
    t: resolved.sample,
  };
  const random = new Random(seed ?? 1);
  const inputWeights = sharedFloat32Array((words + bucket) * dim);
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = (2 * random.nextFloat() - 1) / dim;
  const table = buildInputRowTable(vocabulary.words, new SubwordIndexer(args, words));
  // fastText trains one loss: hierarchical softmax or negative sampling (noise counts^0.5).
  const objectives = objectivesForOptions(
    { hs: resolved.hs, negative: resolved.hs ? 0 : resolved.negative },
    vocabulary.counts,
    0.5,
    (_name, rows) => sharedFloat32Array(rows * dim),
  );
  const outputRows = objectiveMatrices(objectives)[0]!.weights;
  const setup: EngineSetup = {
    architecture: resolved.model,
    dim,
    window: resolved.window,
    cbowMean: true,
    inputWeights,
    encoder: { offsets: shareInt32Array(table.offsets), rows: shareInt32Array(table.rows) },
    objectives,
    keepProbabilities: resolved.sample > 0 ? vocabulary.keepProbabilities(resolved.sample) : null,
    sigmoid: { size: 512, maxExp: 8 },
  };
  try {
    await runEngine({
      setup,
      corpus: { kind: 'in-memory', sentences },
      epochs: resolved.epochs,
      lr: resolved.lr,
      minLr: resolved.minLr,
      threads,
      seed: random.nextUint32(),
      onProgress,
      signal,
    });
  } catch (error) {
    releaseArray(inputWeights);
    releaseArray(outputRows);
    throw error;
  }
  // fastText's output matrix has one row per word; hierarchical softmax uses the first words - 1.
  const outputMatrix = new Float32Array(words * dim);
  outputMatrix.set(outputRows);
  releaseArray(outputRows);
  return new FastTextModel({
    args,
    words: vocabulary.words,
    counts: vocabulary.counts,
    ntokens: vocabulary.tokensSeen,
    inputMatrix: inputWeights,
    outputMatrix,
  });
}
