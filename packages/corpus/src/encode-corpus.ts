import type { TrainingCorpus, TrainingProgress } from '@embedkit/core-math';
import { BlockWriter, byteIdsFor, encodedBlocks } from './encoded-blocks.js';
import { Int32Builder } from './int32-builder.js';
import { type SentenceOptions, resolveSentenceOptions } from './options.js';
import { ProgressThrottle } from './progress.js';
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
 * left empty. A file split on whitespace (the default tokenizer) is read on its bytes, as
 * {@link encodeCorpusBlocks} reads it. Memory: 4 bytes per kept token (the arrays grow by half as
 * needed, then are trimmed).
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
  resolveSentenceOptions(options);
  const writer = new BlockWriter();
  const ids = new Int32Builder(1 << 16);
  const starts = new Int32Builder(1 << 10);
  starts.push(0);
  const progress = new ProgressThrottle('encoding', 'words', options.onProgress);
  const blocks = encodedBlocks(corpus, vocab, options, writer, byteIdsFor(corpus, vocab, options));
  for await (const block of blocks) {
    const base = ids.length;
    for (let i = 0; i < block.tokens; i++) ids.push(block.ids[i]!);
    for (let s = 1; s < block.sentenceStarts.length; s++) starts.push(base + block.sentenceStarts[s]!);
    progress.update(writer.read);
  }
  progress.finish(writer.read);
  return { ids: ids.toArray(), sentenceStarts: starts.toArray(), tokens: ids.length };
}

/**
 * `corpus` encoded with `vocab` block by block, to read a corpus too large to hold: the sentences
 * and ids of {@link encodeCorpus}, in blocks of about 65,536 ids (whole sentences). Each iteration
 * reads the corpus afresh, in memory that does not grow with its length; a block's arrays are
 * reused, so a block is valid until the next one is asked for. A file split on whitespace (the
 * default tokenizer) is read on its bytes: a token is found by its UTF-8 bytes, each distinct byte
 * string decoded once (the lookup is kept from one iteration to the next), with no string per token.
 *
 * @throws ConfigError at once when an option is invalid
 * @throws IoError during iteration when a file cannot be read
 * @throws CancelledError during iteration when `signal` aborts
 */
export function encodeCorpusBlocks(
  corpus: TrainingCorpus,
  vocab: Vocabulary,
  options: SentenceOptions = {},
): AsyncIterable<EncodedCorpus> {
  resolveSentenceOptions(options);
  const byteIds = byteIdsFor(corpus, vocab, options);
  return {
    [Symbol.asyncIterator]: () => encodedBlocks(corpus, vocab, options, new BlockWriter(), byteIds),
  };
}
