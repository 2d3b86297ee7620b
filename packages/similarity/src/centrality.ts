import { ConfigError, KeyNotFoundError, type WordVectors } from '@embedkit/core-math';
import { getMeanVector } from './mean-vector.js';

/** One word of {@link rankByCentrality}'s result. */
export interface CentralWord {
  /** The word. */
  readonly word: string;
  /** Its cosine similarity to the unit-length centroid of all the words. */
  readonly score: number;
}

/** Orders strings by code point, as Python compares them (JavaScript's `<` compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/**
 * gensim's `KeyedVectors.rank_by_centrality(words, use_norm)`: the known words (repeats kept)
 * scored by the dot product of their vector (unit-length when `useNorm`, the default) with the
 * unit-length mean of those vectors (rounded to float32, as gensim computes it), best first;
 * equal scores put the greater word first, as gensim's sort of `(score, word)` pairs does. Unknown words are skipped, as gensim does.
 * @throws ConfigError when `words` is empty
 * @throws KeyNotFoundError naming the first word when none of the words is a key
 */
export function rankByCentrality(
  vectors: WordVectors,
  words: readonly string[],
  useNorm = true,
): CentralWord[] {
  if (words.length === 0) throw new ConfigError('words', '[]', 'at least one word');
  const used = words.filter((word) => vectors.has(word));
  if (used.length === 0)
    throw new KeyNotFoundError(words[0]!, 'the vocabulary (nor is any other of the words)');
  const rows = used.map((word) => {
    const row = vectors.requireIndex(word);
    return useNorm ? vectors.unitRow(row) : vectors.row(row);
  });
  const centroid = getMeanVector(vectors, rows, { postNormalize: true });
  const ranked = used.map((word, i) => {
    let score = 0;
    for (let j = 0; j < vectors.dim; j++) score += rows[i]![j]! * centroid[j]!;
    // Scores in float32, gensim's precision, so words it sees as tied are tied here too (the two
    // words of a pair always are, up to rounding).
    return { word, score: Math.fround(score) };
  });
  return ranked.sort((a, b) => b.score - a.score || compareCodePoints(b.word, a.word));
}

/**
 * gensim's `KeyedVectors.doesnt_match(words)`: the word that goes least with the others, the
 * last of {@link rankByCentrality}. Unknown words are skipped, as gensim does.
 * @throws ConfigError when fewer than two of the words are keys (gensim returns the only one)
 * @throws KeyNotFoundError naming the first word when none of the words is a key
 */
export function doesntMatch(vectors: WordVectors, words: readonly string[]): string {
  const ranked = rankByCentrality(vectors, words);
  if (ranked.length < 2) {
    throw new ConfigError('words', words.join(' '), 'at least two words of the vocabulary to compare');
  }
  return ranked.at(-1)!.word;
}
