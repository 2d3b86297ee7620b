import type { TrainingCorpus } from '@embedkit/core-math';
import type { ReplayableCorpusOptions } from './replayable-corpus.js';

/**
 * The browser's `withReplayableCorpus` (the `browser` entry): a page has no pipes to copy, so
 * `train` gets `corpus` as it is (sentences in memory can be read again; a path is refused later by
 * the reader, with what to pass instead).
 */
export async function withReplayableCorpus<T>(
  corpus: TrainingCorpus,
  _options: ReplayableCorpusOptions,
  train: (corpus: TrainingCorpus) => Promise<T>,
): Promise<T> {
  return train(corpus);
}
