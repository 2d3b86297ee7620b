import { ConfigError, type TrainContext } from '@embedkit/core-math';
import { Vocabulary } from '@embedkit/corpus';
import { type Word2VecOptionsInput, resolveRunSettings, resolveWord2VecOptions } from './options.js';
import type { EncodedSentences } from './run-engine.js';
import { Word2VecModel } from './word2vec-model.js';

/**
 * Sequences of ids into a key list, held in memory: sequence `s` is
 * `ids[sentenceStarts[s] .. sentenceStarts[s + 1])`, id `i` stands for `keys[i]`. Random walks on a
 * graph (node ids) and users' item sequences are corpora of this kind.
 */
export interface IdSequences {
  /** The ids of every sequence, one after the other; each from 0 to `keys.length - 1`. */
  readonly ids: Int32Array;
  /** `sequences + 1` non-decreasing offsets into `ids`, the first 0 and the last `ids.length`. */
  readonly sentenceStarts: Int32Array;
}

/**
 * Trains word2vec on sequences that are already ids (no text round trip): the vocabulary is
 * `keys` counted over `sequences` (sorted by count, as {@link Vocabulary.fromCounts}; `minCount`
 * and `maxVocab` apply, and a key that never occurs gets no vector even with `minCount: 0`), the
 * ids are renumbered into it once, and every word2vec option applies as in {@link trainWord2Vec}.
 * Memory: the renumbered copy, 4 bytes per id kept, besides the caller's sequences.
 *
 * @example
 * ```ts
 * const keys = ['a', 'b', 'c'];
 * const sequences = { ids: Int32Array.of(0, 1, 2, 1, 0), sentenceStarts: Int32Array.of(0, 3, 5) };
 * const model = await trainWord2VecOnIds(sequences, keys, { dim: 8, minCount: 1 }, { threads: 1, seed: 1 });
 * ```
 * @throws ConfigError for a bad option, an id outside `keys`, malformed `sentenceStarts` or repeated keys
 * @throws EmptyVocabularyError when no key occurs `minCount` times
 * @throws CancelledError when `context.signal` aborts
 * @throws NumericError when training diverges (lower `lr`)
 */
export async function trainWord2VecOnIds(
  sequences: IdSequences,
  keys: readonly string[],
  options: Word2VecOptionsInput = {},
  context: TrainContext = {},
): Promise<Word2VecModel> {
  const resolved = resolveWord2VecOptions(options);
  const { seed } = resolveRunSettings(context);
  const counts = countIds(sequences, keys.length);
  const vocabulary = Vocabulary.fromCounts(keys, counts, {
    minCount: Math.max(1, resolved.minCount),
    ...(resolved.maxVocab === undefined ? {} : { maxVocab: resolved.maxVocab }),
  });
  const renumbered = renumber(sequences, keys, vocabulary, resolved.maxSentenceLength);
  const model = Word2VecModel.initialize(vocabulary, resolved, seed === undefined ? {} : { seed });
  await model.trainEncoded(renumbered, {}, { ...context, seed: undefined });
  return model;
}

/** How often each id occurs; checks the ids and the offsets on the way. */
function countIds(sequences: IdSequences, size: number): Float64Array {
  const { ids, sentenceStarts } = sequences;
  const last = sentenceStarts.length - 1;
  if (last < 0 || sentenceStarts[0] !== 0 || sentenceStarts[last] !== ids.length) {
    throw new ConfigError(
      'sentenceStarts',
      `${sentenceStarts.length} offsets ending at ${sentenceStarts[last]}`,
      `offsets from 0 to ids.length (${ids.length})`,
    );
  }
  for (let s = 0; s < last; s++) {
    if (sentenceStarts[s + 1]! < sentenceStarts[s]!) {
      throw new ConfigError(`sentenceStarts[${s + 1}]`, sentenceStarts[s + 1], 'non-decreasing offsets');
    }
  }
  const counts = new Float64Array(size);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!(id >= 0 && id < size)) throw new ConfigError(`ids[${i}]`, id, `an id from 0 to ${size - 1}`);
    counts[id]!++;
  }
  return counts;
}

/**
 * `sequences` in `vocabulary`'s ids: ids it dropped are left out, sequences are cut into pieces
 * of at most `maxSentenceLength` (as text sentences are), and empty ones are dropped.
 */
function renumber(
  sequences: IdSequences,
  keys: readonly string[],
  vocabulary: Vocabulary,
  maxSentenceLength: number,
): EncodedSentences {
  const newId = Int32Array.from(keys, (key) => vocabulary.id(key));
  const { ids, sentenceStarts } = sequences;
  const out = new Int32Array(vocabulary.totalCount);
  const starts: number[] = [0];
  let length = 0;
  for (let s = 0; s + 1 < sentenceStarts.length; s++) {
    for (let piece = sentenceStarts[s]!; piece < sentenceStarts[s + 1]!; piece += maxSentenceLength) {
      const end = Math.min(piece + maxSentenceLength, sentenceStarts[s + 1]!);
      for (let i = piece; i < end; i++) {
        const id = newId[ids[i]!]!;
        if (id >= 0) out[length++] = id;
      }
      if (length > starts[starts.length - 1]!) starts.push(length);
    }
  }
  return { ids: out.subarray(0, length), sentenceStarts: Int32Array.from(starts) };
}
