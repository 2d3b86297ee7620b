import { ConfigError } from '@embedkit/core-math';
import { ExactIndex, mostSimilar, mostSimilarCosmul } from '@embedkit/similarity';
import { SemanticIndex, TextEmbedder } from '@embedkit/text-pooling';
import { PAGE_POOLING_METHODS } from './page-pooling.js';
import { alignedLayouts, pcaLayout } from './layouts.js';
import { type OpenModel, openModel, type ReadProgress, summarize, wordQuery } from './open-model.js';
import type { AnalogySolver, Layouts, ModelSlot, ModelSummary, ScoredWord, TopRows } from './protocol.js';

/** One sentence of a pasted list and its cosine with the query. */
export interface SentenceHit {
  readonly sentence: string;
  readonly score: number;
}

/**
 * What the model worker holds: the main model (slot 0) with its exact index, and optionally a
 * second model (slot 1) to compare with. Every method answers from memory; only loading reads.
 */
export class ModelSession {
  readonly #models: [OpenModel | undefined, OpenModel | undefined] = [undefined, undefined];
  #index: ExactIndex | undefined;

  /** Opens `file` into `slot` (replacing what was there). */
  async load(slot: ModelSlot, file: File, onProgress?: ReadProgress): Promise<ModelSummary> {
    const model = await openModel(file, onProgress);
    this.#models[slot] = model;
    if (slot === 0) this.#index = new ExactIndex(model.vectors);
    return summarize(model);
  }

  /** The layout of the main model's `top` words, beside the second model's when one is loaded. */
  layouts(top: number): Layouts {
    const [first, second] = this.#models;
    if (first === undefined) throw noModel();
    if (second === undefined) return { first: pcaLayout(first.vectors, top) };
    return alignedLayouts(first.vectors, second.vectors, top);
  }

  /** The main model's `top` first rows (for UMAP). */
  topRows(top: number): TopRows {
    const model = this.#main();
    const count = Math.min(top, model.vectors.size);
    const { dim } = model.vectors;
    const matrix = new Float32Array(count * dim);
    for (let row = 0; row < count; row++) matrix.set(model.vectors.row(row), row * dim);
    return { words: model.vectors.keyList().slice(0, count), dim, matrix };
  }

  /** The `k` nearest words of `word` by cosine (for a fastText `.bin`, also of a word outside its vocabulary). */
  neighbors(word: string, k: number): ScoredWord[] {
    const model = this.#main();
    const found = this.#index!.nearest(wordQuery(model, word.trim()), { k: requireK(k) });
    return found.map(({ key, score }) => ({ word: key, score }));
  }

  /** The answers to `a` − `b` + `c` (gensim's `most_similar` or `most_similar_cosmul`). */
  analogy(a: string, b: string, c: string, solver: AnalogySolver, k: number): ScoredWord[] {
    const model = this.#main();
    const options = {
      positive: [wordQuery(model, a.trim()), wordQuery(model, c.trim())],
      negative: [wordQuery(model, b.trim())],
      topn: requireK(k),
    };
    const found =
      solver === '3cosmul' ? mostSimilarCosmul(model.vectors, options) : mostSimilar(model.vectors, options);
    return found.map(({ key, score }) => ({ word: key, score }));
  }

  /**
   * The `k` sentences of `sentences` nearest to `query`, each embedded by pooling the main model's
   * word vectors with `method` (tf-idf and SIF are fitted on the sentences themselves).
   */
  sentences(
    query: string,
    sentences: readonly string[],
    method: string,
    lowercase: boolean,
    k: number,
  ): SentenceHit[] {
    const model = this.#main();
    const pooling = PAGE_POOLING_METHODS.find((m) => m === method);
    if (pooling === undefined) throw new ConfigError('method', method, PAGE_POOLING_METHODS.join(', '));
    const texts = sentences.map((s) => s.trim()).filter((s) => s.length > 0);
    if (texts.length === 0)
      throw new ConfigError('sentences', 'none', 'at least one non-empty line to search');
    if (query.trim().length === 0) throw new ConfigError('query', 'empty', 'a sentence to look for');
    const embedder = new TextEmbedder(model.fastText ?? model.vectors, {
      method: pooling,
      lowercase,
      tokenizer: 'unicode-word',
    });
    if (!embedder.fitted) embedder.fit(texts);
    const ids = texts.map((_, i) => String(i));
    const index = SemanticIndex.build(embedder, ids, texts);
    const hits = index.search(query, { k: requireK(k) });
    if (hits.length === 0) {
      throw new ConfigError(
        'query',
        query,
        `a sentence with at least one word in the vocabulary of ${model.name}`,
      );
    }
    return hits.map(({ id, score }) => ({ sentence: texts[Number(id)]!, score }));
  }

  #main(): OpenModel {
    const model = this.#models[0];
    if (model === undefined) throw noModel();
    return model;
  }
}

function noModel(): ConfigError {
  return new ConfigError('model', 'none', 'a vector file: drop one on the page or pick one');
}

function requireK(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new ConfigError('k', k, 'an integer from 1 to 1000');
  return k;
}
