import { readFile } from 'node:fs/promises';
import { type Embedder, IoError, cosine, pearson, spearman } from '@embedkit/core-math';
import { type StsData, parseSts } from '@embedkit/similarity';
import type { PoolingMethod, TextEmbedderOptions } from './options.js';
import { TextEmbedder } from './text-embedder.js';

/**
 * Reads and parses an STS file (see {@link parseSts}).
 * @throws IoError when the file cannot be read
 */
export async function readSts(path: string): Promise<StsData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(path, error instanceof Error ? error.message : String(error), error);
  }
  return parseSts(text);
}

/** Options of {@link evaluateSts}: a {@link TextEmbedder}'s options and what to fit on. */
export interface StsOptions extends Omit<TextEmbedderOptions, 'method'> {
  /**
   * Texts to fit `tfidf` / `sif` on. Default: every sentence of the STS file, as the SIF paper
   * fits its principal component on the sentences it evaluates.
   */
  readonly fitTexts?: Iterable<string>;
}

/** The outcome of {@link evaluateSts}. */
export interface StsResult {
  /** Pearson correlation x 100 between cosine similarity and gold score (the STS Benchmark's measure). */
  readonly pearson: number;
  /** Spearman correlation x 100. */
  readonly spearman: number;
  /** Pairs evaluated. */
  readonly pairs: number;
  /** Lines of the file that could not be used (see {@link StsData.skippedLines}). */
  readonly skippedLines: number;
  /** Sentences without any known word (their vector is zero, their cosine similarity 0). */
  readonly emptySentences: number;
}

/**
 * Evaluates a pooling method on an STS file: embeds both sentences of every pair with a
 * {@link TextEmbedder} over `embedder`, scores the pair by cosine similarity, and correlates the
 * scores with the gold ones. A pair with an empty sentence keeps similarity 0.
 *
 * @throws IoError when the file cannot be read
 * @throws ConfigError for invalid options
 */
export async function evaluateSts(
  embedder: Embedder,
  stsFile: string,
  method: PoolingMethod,
  options: StsOptions = {},
): Promise<StsResult> {
  const { fitTexts, ...embedderOptions } = options;
  const data = await readSts(stsFile);
  const sentences = data.pairs.flatMap((pair) => [pair.sentence1, pair.sentence2]);
  const textEmbedder = new TextEmbedder(embedder, { ...embedderOptions, method }).fit(fitTexts ?? sentences);
  const batch = textEmbedder.embedMany(sentences);
  const { dim, vectors } = batch;
  const predicted = new Float64Array(data.pairs.length);
  const gold = new Float64Array(data.pairs.length);
  for (let i = 0; i < data.pairs.length; i++) {
    const first = vectors.subarray(2 * i * dim, (2 * i + 1) * dim);
    const second = vectors.subarray((2 * i + 1) * dim, (2 * i + 2) * dim);
    predicted[i] = cosine(first, second);
    gold[i] = data.pairs[i]!.score;
  }
  return {
    pearson: 100 * pearson(predicted, gold),
    spearman: 100 * spearman(predicted, gold),
    pairs: data.pairs.length,
    skippedLines: data.skippedLines.length,
    emptySentences: batch.empty.filter(Boolean).length,
  };
}
