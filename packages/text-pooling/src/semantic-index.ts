import { ConfigError, DimensionMismatchError, WordVectors } from '@embedkit/core-math';
import { ExactIndex } from '@embedkit/similarity';
import type { EmbedStreamOptions, TextEmbedder } from './text-embedder.js';

/** One document to index. */
export interface SemanticDocument {
  /** The document's id (distinct across the index). */
  readonly id: string;
  /** Its text. */
  readonly text: string;
}

/** One search result. */
export interface SearchHit {
  /** The document's id. */
  readonly id: string;
  /** Cosine similarity between the query's and the document's vectors. */
  readonly score: number;
}

/** Options of {@link SemanticIndex.search}. */
export interface SearchOptions {
  /** How many documents to return at most. Default 10. */
  readonly k?: number;
}

/**
 * Semantic search over a collection: every document becomes a vector through a
 * {@link TextEmbedder}; the vectors form a `WordVectors` whose keys are the document ids, searched
 * exactly (cosine similarity) with similarity's `ExactIndex`. A document without any known word
 * has a zero vector and similarity 0 with every query.
 */
export class SemanticIndex {
  /** The text embedder that made the document vectors and embeds the queries. */
  readonly textEmbedder: TextEmbedder;
  /** The document vectors, keyed by document id (can be saved with vector-io's writers). */
  readonly vectors: WordVectors;
  readonly #index: ExactIndex;

  /**
   * @param textEmbedder - embeds the queries; must be the one that made `vectors`
   * @param vectors - document vectors keyed by id, of dimension `textEmbedder.dim`
   * @throws DimensionMismatchError when the dimensions differ
   */
  constructor(textEmbedder: TextEmbedder, vectors: WordVectors) {
    if (vectors.dim !== textEmbedder.dim)
      throw new DimensionMismatchError(textEmbedder.dim, vectors.dim, 'document vectors');
    this.textEmbedder = textEmbedder;
    this.vectors = vectors;
    this.#index = new ExactIndex(vectors);
  }

  /**
   * Embeds `texts` (fit the text embedder first when its method needs it) and indexes them under `ids`.
   * @throws ConfigError when the two arrays differ in length or an id repeats
   */
  static build(textEmbedder: TextEmbedder, ids: readonly string[], texts: readonly string[]): SemanticIndex {
    if (ids.length !== texts.length) {
      throw new ConfigError('ids', ids.length, `one id per text (${texts.length} texts)`);
    }
    const batch = textEmbedder.embedMany(texts);
    return new SemanticIndex(textEmbedder, new WordVectors(ids.slice(), batch.vectors, batch.dim));
  }

  /** Indexes a (possibly asynchronous) stream of documents, embedding them batch by batch. */
  static async buildStream(
    textEmbedder: TextEmbedder,
    documents: Iterable<SemanticDocument> | AsyncIterable<SemanticDocument>,
    options: EmbedStreamOptions = {},
  ): Promise<SemanticIndex> {
    const ids: string[] = [];
    async function* textsOf(): AsyncGenerator<string> {
      for await (const document of documents) {
        ids.push(document.id);
        yield document.text;
      }
    }
    const batches: Float32Array[] = [];
    let length = 0;
    for await (const batch of textEmbedder.embedStream(textsOf(), options)) {
      batches.push(batch.vectors);
      length += batch.vectors.length;
    }
    const matrix = new Float32Array(length);
    let offset = 0;
    for (const vectors of batches) {
      matrix.set(vectors, offset);
      offset += vectors.length;
    }
    return new SemanticIndex(textEmbedder, new WordVectors(ids, matrix, textEmbedder.dim));
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.vectors.size;
  }

  /**
   * The `k` documents most similar to `query`, best first. A query without any known word
   * matches nothing and gives an empty list.
   * @throws ConfigError when `k` is not a positive integer
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const k = options.k ?? 10;
    if (!Number.isInteger(k) || k < 1) throw new ConfigError('k', k, 'an integer of at least 1');
    const embedded = this.textEmbedder.embed(query);
    if (embedded.empty) return [];
    return this.#index.nearest(embedded.vector, { k }).map(({ key, score }) => ({ id: key, score }));
  }
}
