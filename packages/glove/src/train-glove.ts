import { availableParallelism } from 'node:os';
import type { TrainContext, TrainingCorpus } from '@embedkit/core-math';
import { ConfigError, NumericError, WordVectors, throwIfAborted } from '@embedkit/core-math';
import { Vocabulary, withReplayableCorpus } from '@embedkit/corpus';
import { releaseArray } from '@embedkit/core-math/kernels';
import type { CooccurrenceStats } from './cooccurrence-matrix.js';
import { collectCooccurrences } from './count-cooccurrences.js';
import { GloveModel } from './glove-model.js';
import type { GloveOptions, ResolvedGloveOptions } from './options.js';
import { resolveGloveOptions } from './options.js';
import type { ParameterTraining } from './train-parameters.js';
import { trainParameters } from './train-parameters.js';
import type { TrainingEntries } from './training-entries.js';
import { TrainingEntriesBuilder } from './training-entries.js';

/** Default seed, as gensim's. */
const DEFAULT_SEED = 1;

function resolveThreads(context: TrainContext): number {
  const requested = context.threads ?? 1;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new ConfigError('threads', requested, 'an integer of at least 1');
  }
  const available = availableParallelism();
  if (requested <= available) return requested;
  context.onProgress?.({
    phase: 'training',
    message: `threads: ${requested} requested, using ${available} (the cores this machine has)`,
  });
  return available;
}

/**
 * Trains GloVe (Pennington, Socher and Manning, 2014) on `corpus` as the Stanford tools do:
 * a vocabulary (`vocab_count`), weighted co-occurrence counts (`cooccur`), then AdaGrad on the
 * weighted least-squares objective (`glove`), the entries shuffled once and visited in that order
 * every epoch (as `shuffle` and `glove`).
 *
 * The corpus is read twice (vocabulary, then co-occurrences): pass a file path, an array or another
 * iterable that can be read more than once (not a generator object).
 *
 * @throws ConfigError for an invalid option (see {@link GloveOptions}) or a corpus without co-occurrences
 * @throws EmptyVocabularyError when no word survives `minCount` / `maxVocab`
 * @throws IoError when the corpus cannot be read or the temporary runs cannot be written
 * @throws NumericError when training diverges (lower `lr`)
 * @throws CancelledError when `context.signal` aborts
 */
export async function trainGlove(
  corpus: TrainingCorpus,
  options: GloveOptions = {},
  context: TrainContext = {},
): Promise<GloveModel> {
  const resolved = resolveGloveOptions(options);
  const threads = resolveThreads(context);
  const seed = context.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new ConfigError('seed', seed, 'a safe integer');
  const { signal, onProgress } = context;
  throwIfAborted(signal, 'GloVe training');
  const reading = {
    ...(resolved.tmpDir === undefined ? {} : { tmpDir: resolved.tmpDir }),
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  // Read twice (vocabulary, then co-occurrences): a pipe is copied once first.
  const { vocabulary, entries, stats } = await withReplayableCorpus(corpus, reading, async (replayable) => {
    const built = await Vocabulary.build(replayable, {
      minCount: resolved.minCount,
      ...(resolved.maxVocab === undefined ? {} : { maxVocab: resolved.maxVocab }),
      ...reading,
    });
    const counted = await collectCooccurrences(
      replayable,
      built,
      { window: resolved.window, symmetric: resolved.symmetric, memory: resolved.memory, ...reading },
      (pairs, scale) => new TrainingEntriesBuilder(built.size, scale, pairs, resolved.xMax, resolved.alpha),
    );
    return { vocabulary: built, entries: counted.sink.entries, stats: counted.stats };
  });
  try {
    return await trainEntries(entries, stats, vocabulary, resolved, { threads, seed, signal, onProgress });
  } finally {
    releaseArray(entries.ints);
  }
}

/** Checks the counted entries and trains the vectors on them. */
async function trainEntries(
  entries: TrainingEntries,
  stats: CooccurrenceStats,
  vocabulary: Vocabulary,
  resolved: ResolvedGloveOptions,
  run: Omit<ParameterTraining, 'options'>,
): Promise<GloveModel> {
  const { threads, seed } = run;
  if (stats.tokens !== vocabulary.totalCount) {
    throw new ConfigError(
      'corpus',
      `${vocabulary.totalCount} words on the first pass, ${stats.tokens} on the second`,
      'a corpus that yields the same sentences every time it is read (a path or an array, not a generator object)',
    );
  }
  if (entries.count === 0) {
    throw new ConfigError(
      'corpus',
      `${stats.tokens} words and no co-occurrence`,
      'sentences with at least two vocabulary words',
    );
  }
  const { vectors, costs, kernel } = await trainParameters(entries, vocabulary.size, {
    options: resolved,
    ...run,
  });
  if (!vectors.every(Number.isFinite)) {
    throw new NumericError(`GloVe training diverged (non-finite vectors) with lr ${resolved.lr}: lower lr`);
  }
  const wordVectors = new WordVectors(vocabulary.words, vectors, resolved.dim, vocabulary.counts);
  return new GloveModel(wordVectors, vocabulary, {
    options: resolved,
    threads,
    seed,
    cooccurrence: { ...stats, entries: entries.count },
    costs,
    kernel,
  });
}
