import type { WordVectors } from '@embedkit/core-math';
import { expect } from 'vitest';
import {
  closerThan,
  distance,
  distances,
  doesntMatch,
  getMeanVector,
  mostSimilar,
  mostSimilarToGiven,
  nSimilarity,
  rank,
  rankByCentrality,
  relativeCosineSimilarity,
  similarity,
  wmDistance,
} from '../index.js';

type Words = string[];
/** A number as fixtures/scripts/gensim_keyedvectors.py writes it (infinity as "inf"). */
type Written = number | 'inf';

/** What fixtures/scripts/gensim_keyedvectors.py writes. */
export interface GensimKeyedVectors {
  similarity: [string, string, number][];
  distance: [string, string, number][];
  n_similarity: [Words, Words, number][];
  get_mean_vector: {
    keys: Words;
    weights?: number[];
    pre_normalize?: boolean;
    post_normalize?: boolean;
    vector: number[];
  }[];
  closer_than: [string, string, Words][];
  rank: [string, string, number][];
  most_similar_to_given: [string, Words, string][];
  relative_cosine_similarity: [string, string, number, number][];
  distances_to: [string, Words, number[]][];
  distances_all: [string, number[]];
  doesnt_match: [Words, string][];
  rank_by_centrality: [Words, [string, number][]][];
  most_similar_restrict_vocab: [string, number, [string, number][]][];
  wmdistance: [Words, Words, Written][];
  wmdistance_unnormalized: [Words, Words, Written][];
}

/** One row of the agreement table: a method, its number of cases, the largest gap to gensim. */
export interface Agreement {
  readonly method: string;
  readonly cases: number;
  /** Largest |ours − gensim| over the numbers the method returns (0 for word answers). */
  readonly maxAbsDifference: number;
  /** Cases whose words (answers, lists, orders) differ from gensim's. */
  readonly differentWords: number;
}

const read = (value: Written): number => (value === 'inf' ? Number.POSITIVE_INFINITY : value);

function gap(ours: number, theirs: number): number {
  return ours === theirs ? 0 : Math.abs(ours - theirs);
}

function numbers(method: string, pairs: [number, number][]): Agreement {
  return {
    method,
    cases: pairs.length,
    maxAbsDifference: Math.max(0, ...pairs.map(([ours, theirs]) => gap(ours, theirs))),
    differentWords: 0,
  };
}

function words(method: string, pairs: [unknown, unknown][]): Agreement {
  return {
    method,
    cases: pairs.length,
    maxAbsDifference: 0,
    differentWords: pairs.filter(([ours, theirs]) => JSON.stringify(ours) !== JSON.stringify(theirs)).length,
  };
}

function vectors(method: string, pairs: [ArrayLike<number>, number[]][]): Agreement {
  const flat = pairs.flatMap(([ours, theirs]) => theirs.map((x, j): [number, number] => [ours[j]!, x]));
  return { ...numbers(method, flat), cases: pairs.length };
}

/** Ranked `[word, score]` lists: the words in the same order, the scores close. */
function rankings(method: string, pairs: [[string, number][], [string, number][]][]): Agreement {
  return {
    ...vectors(
      method,
      pairs.map(([ours, theirs]) => [ours.map(([, x]) => x), theirs.map(([, x]) => x)]),
    ),
    differentWords: words(
      method,
      pairs.map(([ours, theirs]) => [ours.map(([w]) => w), theirs.map(([w]) => w)]),
    ).differentWords,
  };
}

/** Runs every case gensim answered on `kv` and measures how far our answers are from gensim's. */
export function agreementWithGensim(kv: WordVectors, gensim: GensimKeyedVectors): Agreement[] {
  return [
    numbers(
      'similarity',
      gensim.similarity.map(([a, b, x]) => [similarity(kv, a, b), x]),
    ),
    numbers(
      'distance',
      gensim.distance.map(([a, b, x]) => [distance(kv, a, b), x]),
    ),
    numbers(
      'n_similarity',
      gensim.n_similarity.map(([a, b, x]) => [nSimilarity(kv, a, b), x]),
    ),
    vectors(
      'get_mean_vector',
      gensim.get_mean_vector.map((c) => [
        getMeanVector(kv, c.keys, {
          weights: c.weights,
          preNormalize: c.pre_normalize,
          postNormalize: c.post_normalize,
        }),
        c.vector,
      ]),
    ),
    words(
      'closer_than',
      gensim.closer_than.map(([a, b, list]) => [closerThan(kv, a, b), list]),
    ),
    words(
      'rank',
      gensim.rank.map(([a, b, r]) => [rank(kv, a, b), r]),
    ),
    words(
      'most_similar_to_given',
      gensim.most_similar_to_given.map(([w, list, answer]) => [mostSimilarToGiven(kv, w, list), answer]),
    ),
    numbers(
      'relative_cosine_similarity',
      gensim.relative_cosine_similarity.map(([a, b, n, x]) => [relativeCosineSimilarity(kv, a, b, n), x]),
    ),
    vectors('distances', [
      ...gensim.distances_to.map(([w, list, d]): [Float32Array, number[]] => [distances(kv, w, list), d]),
      [distances(kv, gensim.distances_all[0]), gensim.distances_all[1]],
    ]),
    words(
      'doesnt_match',
      gensim.doesnt_match.map(([list, odd]) => [doesntMatch(kv, list), odd]),
    ),
    rankings(
      'rank_by_centrality',
      gensim.rank_by_centrality.map(([list, ranked]) => [
        rankByCentrality(kv, list).map((c): [string, number] => [c.word, c.score]),
        ranked,
      ]),
    ),
    rankings(
      'most_similar (restrict_vocab)',
      gensim.most_similar_restrict_vocab.map(([word, restrictVocab, found]) => [
        mostSimilar(kv, { positive: word, topn: found.length, restrictVocab }).map((n): [string, number] => [
          n.key,
          n.score,
        ]),
        found,
      ]),
    ),
    numbers(
      'wmdistance',
      gensim.wmdistance.map(([a, b, x]) => [wmDistance(kv, a, b), read(x)]),
    ),
    numbers(
      'wmdistance (norm=False)',
      gensim.wmdistance_unnormalized.map(([a, b, x]) => [
        wmDistance(kv, a, b, { normalize: false }),
        read(x),
      ]),
    ),
  ];
}

/**
 * Every method within 1e-5 of gensim and with the same words; WMD within 1e-4 (gensim's solver,
 * pyemd, rounds masses and costs to one part in 10^6).
 */
export function expectAgreement(rows: Agreement[]): void {
  for (const row of rows) {
    expect(row.cases, row.method).toBeGreaterThan(0);
    expect(row.differentWords, row.method).toBe(0);
    expect(row.maxAbsDifference, row.method).toBeLessThan(row.method.startsWith('wmdistance') ? 1e-4 : 1e-5);
  }
}
