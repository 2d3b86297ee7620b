import type { TrainingCorpus, TrainingProgress } from '@embedkit/core-math';
import { Int32Builder } from './int32-builder.js';
import type { SentenceOptions } from './options.js';
import { ProgressThrottle } from './progress.js';
import { sentencesOf } from './sentences-of.js';
import type { Vocabulary } from './vocabulary.js';

/** A corpus as vocabulary ids: the in-memory fast path for trainers. */
export interface EncodedCorpus {
  /** The ids of every kept token, sentence after sentence. */
  readonly ids: Int32Array;
  /** Sentence `s` is `ids[sentenceStarts[s] .. sentenceStarts[s + 1])`; length = sentences + 1, first 0, last `tokens`. */
  readonly sentenceStarts: Int32Array;
  /** Number of ids (tokens that are in the vocabulary). */
  readonly tokens: number;
}

/** Options of {@link encodeCorpus}. */
export interface EncodeCorpusOptions extends SentenceOptions {
  /** Receives `{ phase: 'encoding', processed: tokens, unit: 'words' }` at most 5 times a second, and once at the end. */
  readonly onProgress?: (progress: TrainingProgress) => void;
}

/**
 * Encodes `corpus` into one `Int32Array` of ids plus sentence boundaries. Sentences are those of
 * {@link sentencesOf} (long ones cut into pieces of `maxSentenceLength` tokens before unknown words
 * are dropped, as gensim does); tokens that are not in `vocab` are dropped, and so are sentences
 * left empty. Memory: 4 bytes per kept token (the arrays grow by half as needed, then are trimmed).
 *
 * @throws ConfigError when an option is invalid, or the corpus has more tokens than fit in memory
 * @throws IoError when a file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function encodeCorpus(
  corpus: TrainingCorpus,
  vocab: Vocabulary,
  options: EncodeCorpusOptions = {},
): Promise<EncodedCorpus> {
  const sentences = sentencesOf(corpus, options);
  const ids = new Int32Builder(1 << 16);
  const starts = new Int32Builder(1 << 10);
  starts.push(0);
  const progress = new ProgressThrottle('encoding', 'words', options.onProgress);
  let read = 0;
  for await (const sentence of sentences) {
    const before = ids.length;
    for (const token of sentence) {
      const id = vocab.id(token);
      if (id >= 0) ids.push(id);
    }
    if (ids.length > before) starts.push(ids.length);
    read += sentence.length;
    progress.update(read);
  }
  progress.finish(read);
  return { ids: ids.toArray(), sentenceStarts: starts.toArray(), tokens: ids.length };
}
