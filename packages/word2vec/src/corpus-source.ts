import { ConfigError, type TrainingCorpus, type TrainingProgress } from '@embedkit/core-math';
import { type EncodedCorpus, type Vocabulary, encodeCorpus, encodeCorpusBlocks } from '@embedkit/corpus';
import { createSpillFile } from '#spill-file';
import type { EngineCorpus } from './run-engine.js';
import { SpilledEpochs } from './spilled-epochs.js';

/**
 * Throws when `corpus` can be read only once (an iterator, such as a generator object): training
 * reads a corpus several times (vocabulary, then every epoch), as gensim also requires.
 *
 * @throws ConfigError for a one-shot iterator
 */
export function assertReiterable(corpus: TrainingCorpus): void {
  if (
    typeof corpus === 'object' &&
    corpus !== null &&
    typeof (corpus as { next?: unknown }).next === 'function'
  ) {
    throw new ConfigError(
      'corpus',
      'an iterator (for example a generator object)',
      'a corpus that can be read several times: a file path, an array of token arrays, or an object whose [Symbol.iterator]() starts a new pass each time',
    );
  }
}

/** How {@link prepareCorpus} reads the corpus. */
export interface CorpusPlan {
  /** The corpus as the engine takes it. */
  readonly corpus: EngineCorpus;
  /** Tokens (in the vocabulary) per epoch. */
  readonly tokens: number;
}

/** Options of {@link prepareCorpus}. */
export interface PrepareCorpusOptions {
  /** Tokens per epoch when known (the vocabulary's total count when it was built on this corpus). */
  readonly tokens: number | undefined;
  /** The corpus already encoded with the vocabulary (`Vocabulary.buildAndEncode`), when it was. */
  readonly encoded: EncodedCorpus | undefined;
  /** Sentences are cut into pieces of this many tokens. */
  readonly maxSentenceLength: number;
  /** In-memory limit, in tokens. */
  readonly maxInMemoryTokens: number;
  /** Whether a streamed corpus's encoded ids are spilled to a temporary file for the later epochs. */
  readonly spill: boolean;
  /** Folder of the spill file; `undefined` for the system's temporary folder. */
  readonly tmpDir: string | undefined;
  /** Stops reading. */
  readonly signal: AbortSignal | undefined;
  /** Receives `counting` and `encoding` progress, and the warning when the ids cannot be spilled. */
  readonly onProgress: ((progress: TrainingProgress) => void) | undefined;
}

/**
 * Decides how to feed `corpus` to the engine: encoded once into memory when it has at most
 * `maxInMemoryTokens` tokens in `vocabulary`, else streamed block by block, in memory that does not
 * grow with the corpus: the first epoch reads and encodes it (`encodeCorpusBlocks`: a file split on
 * whitespace is read on its bytes, as the vocabulary pass reads it) and, with `spill`, writes the ids
 * to a temporary file that the later epochs read back ({@link SpilledEpochs}); without it every epoch
 * encodes the corpus again. When the token count is not known (continued training on a new corpus) a
 * counting pass finds it.
 */
export async function prepareCorpus(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: PrepareCorpusOptions,
): Promise<CorpusPlan> {
  const { maxSentenceLength, signal, onProgress } = options;
  const sentenceOptions = { maxSentenceLength, ...(signal === undefined ? {} : { signal }) };
  const tokens =
    options.tokens ??
    (await countTokens(encodeCorpusBlocks(corpus, vocabulary, sentenceOptions), onProgress));
  if (tokens <= options.maxInMemoryTokens) {
    const sentences =
      options.encoded ??
      (await encodeCorpus(corpus, vocabulary, {
        ...sentenceOptions,
        ...(onProgress === undefined ? {} : { onProgress }),
      }));
    return { corpus: { kind: 'in-memory', sentences }, tokens: sentences.tokens };
  }
  return {
    corpus: {
      kind: 'stream',
      tokensPerEpoch: tokens,
      epoch: epochsOf(corpus, vocabulary, options),
    },
    tokens,
  };
}

/** Tokens of `blocks` (one pass), reported as `counting` progress. */
async function countTokens(
  blocks: AsyncIterable<EncodedCorpus>,
  onProgress: ((progress: TrainingProgress) => void) | undefined,
): Promise<number> {
  let tokens = 0;
  for await (const block of blocks) tokens += block.tokens;
  onProgress?.({ phase: 'counting', processed: tokens, unit: 'words' });
  return tokens;
}

/**
 * The epochs of a streamed corpus: every epoch of one run (one `signal`) reads the same
 * `encodeCorpusBlocks` iterable, so a file's byte lookup, filled during the first epoch, serves the
 * others; with `spill` they read the first epoch's ids from a spill file instead, which is closed
 * and removed when the run's `signal` aborts (the engine aborts it at the end of every run, on
 * success, error or cancellation).
 */
function epochsOf(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: PrepareCorpusOptions,
): (signal: AbortSignal) => AsyncIterable<EncodedCorpus> {
  const { maxSentenceLength, spill, tmpDir, onProgress } = options;
  let run: { readonly signal: AbortSignal; readonly epochs: () => AsyncIterable<EncodedCorpus> } | undefined;
  return (signal) => {
    if (run?.signal !== signal) {
      const blocks = encodeCorpusBlocks(corpus, vocabulary, { maxSentenceLength, signal });
      if (spill) {
        const spilled = new SpilledEpochs({
          blocks,
          createFile: () => createSpillFile(tmpDir),
          warn: (message) => onProgress?.({ phase: 'training', message }),
        });
        signal.addEventListener('abort', () => spilled.close(), { once: true });
        run = { signal, epochs: () => spilled.epoch() };
      } else {
        run = { signal, epochs: () => blocks };
      }
    }
    return run.epochs();
  };
}
