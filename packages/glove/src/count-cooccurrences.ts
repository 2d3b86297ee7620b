import type { TrainingCorpus, TrainingProgress } from '@embedkit/core-math';
import { throwIfAborted } from '@embedkit/core-math';
import type { Vocabulary } from '@embedkit/corpus';
import { sentencesOf } from '@embedkit/corpus';
import { CooccurrenceCounter } from './cooccurrence-counter.js';
import type { CooccurrenceMatrix, CooccurrenceStats } from './cooccurrence-matrix.js';
import { MatrixBuilder } from './matrix-builder.js';
import type { CooccurrenceOptions } from './options.js';
import { resolveCooccurrenceOptions } from './options.js';
import type { MergeSink } from './merge-records.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Tokens counted between two looks at the event loop, the abort signal and progress. */
const TOKENS_PER_YIELD = 1 << 18;
/** Tokens counted between two progress reports. */
const TOKENS_PER_REPORT = 1 << 21;

/** Options of {@link countCooccurrences}. */
export interface CountCooccurrencesOptions extends CooccurrenceOptions {
  /** Stops counting; the promise then rejects with `CancelledError` (temporary files are removed). */
  readonly signal?: AbortSignal;
  /** Receives `{ phase: 'cooccurrence', processed, total, unit: 'words' }` every ~2 million tokens and at the end. */
  readonly onProgress?: (progress: TrainingProgress) => void;
}

/**
 * Counts the weighted co-occurrences of the words of `vocabulary` in `corpus`, as Stanford `cooccur`
 * does: words outside the vocabulary are dropped first (they take no place in the window), every
 * pair at distance d <= window within one sentence (one line of a file; contexts never cross a line)
 * adds 1/d, to X[left][right] and, when `symmetric`, to X[right][left]. Counts beyond the memory
 * budget spill to sorted runs in a temporary directory, merged at the end and always removed.
 *
 * @throws ConfigError when an option is invalid (for example a memory budget below the minimum, which the message states)
 * @throws IoError when a run cannot be written or read (for example a `tmpDir` that does not exist), or the corpus file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function countCooccurrences(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: CountCooccurrencesOptions = {},
): Promise<CooccurrenceMatrix> {
  const { sink, stats } = await collectCooccurrences(
    corpus,
    vocabulary,
    options,
    (pairs, scale) => new MatrixBuilder(vocabulary.size, scale, pairs),
  );
  return sink.finish(stats);
}

/**
 * Counts as {@link countCooccurrences} does and hands the pairs, in key order (row · V + column,
 * sums still to be divided by `scale`), to the sink `open` returns; the counting stores are given
 * back before `open` is called when they are big (see `CooccurrenceCounter.finish`).
 */
export async function collectCooccurrences<Sink extends MergeSink>(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: CountCooccurrencesOptions,
  open: (pairs: number, scale: number) => Sink,
): Promise<{ sink: Sink; stats: CooccurrenceStats }> {
  const { window, symmetric, memory, tmpDir } = resolveCooccurrenceOptions(options);
  const { signal, onProgress } = options;
  throwIfAborted(signal, 'counting co-occurrences');
  const counter = new CooccurrenceCounter({ vocabSize: vocabulary.size, window, symmetric, memory, tmpDir });
  const total = vocabulary.totalCount;
  const report = (processed: number, message?: string): void =>
    onProgress?.({
      phase: 'cooccurrence',
      processed,
      total,
      unit: 'words',
      fraction: total > 0 ? Math.min(1, processed / total) : 1,
      ...(message === undefined ? {} : { message }),
    });
  try {
    let nextYield = TOKENS_PER_YIELD;
    let nextReport = TOKENS_PER_REPORT;
    for await (const sentence of sentencesOf(corpus, signal === undefined ? {} : { signal })) {
      counter.addSentence(vocabulary.encode(sentence));
      if (counter.tokens >= nextYield) {
        nextYield = counter.tokens + TOKENS_PER_YIELD;
        await yieldToEventLoop(signal, 'counting co-occurrences');
        if (counter.tokens >= nextReport) {
          nextReport = counter.tokens + TOKENS_PER_REPORT;
          report(counter.tokens);
        }
      }
    }
    let pairs = 0;
    const sink = await counter.finish((count, scale) => {
      pairs = count;
      return open(count, scale);
    }, signal);
    const stats = counter.stats;
    const runs = stats.spilledRuns;
    report(
      counter.tokens,
      `${pairs} non-zero co-occurrences${runs > 0 ? ` (merged from ${runs} runs spilled to disk)` : ''}`,
    );
    return { sink, stats };
  } finally {
    counter.dispose();
  }
}
