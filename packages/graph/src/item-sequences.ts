import type { TrainContext } from '@embedkit/core-math';
import {
  type IdSequences,
  type Word2VecModel,
  type Word2VecOptionsInput,
  trainWord2VecOnIds,
} from '@embedkit/word2vec';

/** Sequences of string items as ids, with the item of each id. */
export interface EncodedSequences extends IdSequences {
  /** Item names by id, in order of first appearance. */
  readonly keys: readonly string[];
}

/**
 * Interns the items of `sequences` (for example each user's items in order) into ids.
 *
 * @example
 * ```ts
 * encodeSequences([['a', 'b'], ['b', 'c']]); // keys a, b, c; ids 0 1 1 2; starts 0 2 4
 * ```
 */
export function encodeSequences(sequences: Iterable<readonly string[]>): EncodedSequences {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const ids: number[] = [];
  const starts = [0];
  for (const sequence of sequences) {
    for (const item of sequence) {
      let id = index.get(item);
      if (id === undefined) {
        id = keys.length;
        index.set(item, id);
        keys.push(item);
      }
      ids.push(id);
    }
    starts.push(ids.length);
  }
  return { keys, ids: Int32Array.from(ids), sentenceStarts: Int32Array.from(starts) };
}

/**
 * item2vec (Barkan & Koenigstein 2016): skip-gram over item sequences (each a user's items in
 * order, or a session), with the window sliding over each sequence; every word2vec option applies
 * (`window` large enough to cover a whole sequence treats it as a set, as item2vec does).
 *
 * @example
 * ```ts
 * const model = await trainItemEmbeddings([['milk', 'bread'], ['bread', 'butter']], { dim: 16, minCount: 1 });
 * ```
 * @throws ConfigError for a bad option; EmptyVocabularyError when no item occurs `minCount` times
 */
export async function trainItemEmbeddings(
  sequences: Iterable<readonly string[]>,
  options: Word2VecOptionsInput = {},
  context: TrainContext = {},
): Promise<Word2VecModel> {
  const { keys, ...encoded } = encodeSequences(sequences);
  return trainWord2VecOnIds(encoded, keys, options, context);
}
