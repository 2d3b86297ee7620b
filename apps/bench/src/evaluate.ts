import { basename } from 'node:path';
import type { WordVectors } from '@embedkit/core-math';
import { ExactIndex, evaluateWordAnalogies, evaluateWordPairs } from '@embedkit/similarity';
import { type PoolingMethod, type WordFrequencies, evaluateSts } from '@embedkit/text-pooling';
import type { AnalogyResult, Evaluation, SimilarityResult, StsResult } from './results.js';
import { frequentWordMap } from './word-map.js';

/** What to evaluate every model on. */
export interface EvaluationPlan {
  readonly analogy: readonly string[];
  readonly similarity: readonly string[];
  readonly restrictVocab: number;
  readonly probeWords: readonly string[];
  /** STS Benchmark test file and, for SIF, a word frequency table. */
  readonly sts?: { readonly file: string; readonly frequencies: WordFrequencies | undefined };
}

/**
 * Pooling methods compared on STS: plain and unit-normalised means, TF-IDF, and SIF when a
 * frequency table is available; texts are lower-cased Unicode words, as the default corpus is.
 */
async function stsResult(vectors: WordVectors, sts: NonNullable<EvaluationPlan['sts']>): Promise<StsResult> {
  const methods: PoolingMethod[] = ['mean', 'unit-mean', 'tfidf'];
  if (sts.frequencies !== undefined) methods.push('sif');
  const pearsonByMethod: Record<string, number> = {};
  for (const method of methods) {
    const result = await evaluateSts(vectors, sts.file, method, {
      tokenizer: 'unicode-word',
      lowercase: true,
      ...(method === 'sif' ? { frequencies: sts.frequencies } : {}),
    });
    pearsonByMethod[method] = result.pearson;
  }
  return { pearsonByMethod };
}

function accuracy(correct: number, incorrect: number): number | null {
  return correct + incorrect === 0 ? null : correct / (correct + incorrect);
}

async function analogyResult(
  vectors: WordVectors,
  file: string,
  restrictVocab: number,
): Promise<AnalogyResult> {
  const result = await evaluateWordAnalogies(vectors, file, { restrictVocab });
  let semantic = [0, 0];
  let syntactic = [0, 0];
  for (const section of result.sections) {
    if (section.section === 'Total accuracy') continue;
    const counts: [number, number] = [section.correct, section.incorrect];
    if (section.section.startsWith('gram'))
      syntactic = [syntactic[0]! + counts[0], syntactic[1]! + counts[1]];
    else semantic = [semantic[0]! + counts[0], semantic[1]! + counts[1]];
  }
  const correct = semantic[0]! + syntactic[0]!;
  const incorrect = semantic[1]! + syntactic[1]!;
  return {
    set: basename(file),
    total: accuracy(correct, incorrect) ?? 0,
    semantic: accuracy(semantic[0]!, semantic[1]!),
    syntactic: accuracy(syntactic[0]!, syntactic[1]!),
    questions: correct + incorrect,
    skipped: result.oov,
  };
}

async function similarityResult(
  vectors: WordVectors,
  file: string,
  restrictVocab: number,
): Promise<SimilarityResult> {
  const result = await evaluateWordPairs(vectors, file, { restrictVocab });
  return {
    set: basename(file),
    spearman: result.spearman,
    pearson: result.pearson,
    oovPercent: result.oovRatio,
    pairs: result.pairs,
  };
}

/** Evaluates one model's vectors on every set of the plan, with gensim's semantics. */
export async function evaluateVectors(vectors: WordVectors, plan: EvaluationPlan): Promise<Evaluation> {
  const started = performance.now();
  const analogy: AnalogyResult[] = [];
  for (const file of plan.analogy) analogy.push(await analogyResult(vectors, file, plan.restrictVocab));
  const similarity: SimilarityResult[] = [];
  for (const file of plan.similarity)
    similarity.push(await similarityResult(vectors, file, plan.restrictVocab));
  const index = new ExactIndex(vectors);
  const neighbors = Object.fromEntries(
    plan.probeWords
      .filter((word) => vectors.has(word))
      .map((word) => [word, index.nearest(word, { k: 5 }).map((neighbor) => neighbor.key)]),
  );
  const sts = plan.sts === undefined ? undefined : await stsResult(vectors, plan.sts);
  const wordMap = frequentWordMap(vectors);
  return {
    analogy,
    similarity,
    neighbors,
    ...(sts === undefined ? {} : { sts }),
    ...(wordMap === undefined ? {} : { wordMap }),
    seconds: (performance.now() - started) / 1000,
  };
}
