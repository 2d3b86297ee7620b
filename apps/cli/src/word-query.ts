import type { LoadedModel } from '@embedkit/algorithms';
import { KeyNotFoundError, normalizeInPlace, WordVectors } from '@embedkit/core-math';
import type { Query } from '@embedkit/similarity';

/**
 * How a word is looked up in a loaded model: the word itself when it is in the vocabulary; for a
 * fastText `.bin`, a word outside it is its unit-length subword vector (as `fasttext nn` does).
 *
 * @throws KeyNotFoundError when the model has no vector for the word
 */
export function wordQuery(model: LoadedModel, word: string): Query {
  if (model.vectors.has(word)) return word;
  const vector = model.fastText?.vector(word);
  if (vector === undefined || vector.every((x) => x === 0)) {
    throw new KeyNotFoundError(
      word,
      model.fastText ? 'the vocabulary and has no known subword' : 'the vocabulary',
    );
  }
  normalizeInPlace(vector);
  return vector;
}

/**
 * The vector of a word, as {@link wordQuery} finds it (for `similarity`).
 * @throws KeyNotFoundError when the model has no vector for the word
 */
export function wordVector(model: LoadedModel, word: string): Float32Array {
  const query = wordQuery(model, word);
  return typeof query === 'string' ? model.vectors.vector(query)! : query;
}

/**
 * The vectors that gensim-style list methods (`doesnt-match`, `wmd`) see for `words`: the model's
 * own vectors, or for a fastText `.bin` the vectors of the given words including those it makes
 * from subwords for words outside its vocabulary (as gensim's `FastTextKeyedVectors` does). Words
 * with no vector (or a zero subword vector) are left out, so the methods skip them as unknown.
 */
export function vectorsOfWords(model: LoadedModel, words: readonly string[]): WordVectors {
  const { fastText } = model;
  if (fastText === undefined) return model.vectors;
  const known = words.filter((word) => fastText.has(word) || fastText.vector(word).some((x) => x !== 0));
  return WordVectors.fromEmbedder(fastText, known);
}
