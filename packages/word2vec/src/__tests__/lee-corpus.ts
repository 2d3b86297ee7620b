import { readFileSync } from 'node:fs';
import { type WordVectors, cosine, topK } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import { unicodeWordTokenizer } from '@embedkit/corpus';
import { fixture } from '#test-utils/fixtures.js';

/** The Lee background corpus file (one news article per line). */
export const LEE_PATH = fixture('corpora', 'lee_background.cor');

let cached: string[][] | undefined;

/** The Lee corpus as lower-cased word tokens, one sentence per article (read once). */
export function leeSentences(): string[][] {
  if (cached === undefined) {
    const tokenize = unicodeWordTokenizer({ lowercase: true });
    cached = readFileSync(LEE_PATH, 'utf8')
      .split('\n')
      .map((line) => tokenize(line))
      .filter((tokens) => tokens.length > 0);
  }
  return cached;
}

/** The `k` nearest words of `word` by cosine similarity. */
export function nearest(vectors: WordVectors, word: string, k: number): string[] {
  const row = vectors.requireIndex(word);
  const scores = new Float32Array(vectors.size);
  kernels().matVec(vectors.unitMatrix(), 0, vectors.size, vectors.dim, vectors.unitRow(row), 0, scores, 0);
  const { indices } = topK(scores, k, { exclude: (i) => i === row });
  return Array.from(indices, (i) => vectors.keyAt(i));
}

/** Cosine similarity of two words' vectors. */
export function similarity(vectors: WordVectors, a: string, b: string): number {
  return cosine(vectors.row(vectors.requireIndex(a)), vectors.row(vectors.requireIndex(b)));
}

/** Word pairs a model trained on the Lee corpus should find among each other's 5 nearest words. */
const NEIGHBOUR_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['bin', 'laden'],
  ['arafat', 'yasser'],
  ['president', 'bush'],
  ['fires', 'firefighters'],
  ['qantas', 'workers'],
];

/** The pairs of {@link NEIGHBOUR_PAIRS} whose second word is among the first's 5 nearest words. */
export function neighbourPairsFound(vectors: WordVectors): Array<readonly [string, string]> {
  return NEIGHBOUR_PAIRS.filter(([word, neighbour]) => nearest(vectors, word, 5).includes(neighbour));
}
