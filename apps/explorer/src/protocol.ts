/**
 * The messages between the page and its workers: each request carries an id; the worker answers
 * with progress messages and then one result or one error message for that id.
 */

/** Which of the two models a request is about: the main one or the one compared with it. */
export type ModelSlot = 0 | 1;

/** The analogy solvers of similarity: `mostSimilar` (3CosAdd) and `mostSimilarCosmul` (3CosMul). */
export type AnalogySolver = '3cosadd' | '3cosmul';

/** What the model worker does. */
export type ModelRequest =
  | { readonly type: 'load'; readonly slot: ModelSlot; readonly file: File }
  | { readonly type: 'load-url'; readonly slot: ModelSlot; readonly url: string; readonly name: string }
  | { readonly type: 'layout'; readonly top: number }
  | { readonly type: 'rows'; readonly top: number }
  | { readonly type: 'neighbors'; readonly word: string; readonly k: number }
  | {
      readonly type: 'analogy';
      readonly a: string;
      readonly b: string;
      readonly c: string;
      readonly solver: AnalogySolver;
      readonly k: number;
    }
  | {
      readonly type: 'sentences';
      readonly query: string;
      readonly sentences: readonly string[];
      readonly method: string;
      readonly lowercase: boolean;
      readonly k: number;
    };

/** A loaded model as the page describes it. */
export interface ModelSummary {
  readonly name: string;
  readonly words: number;
  readonly dim: number;
  /** A fastText `.bin`: words outside the vocabulary get vectors from their subwords. */
  readonly subwords: boolean;
}

/** A word and its cosine similarity. */
export interface ScoredWord {
  readonly word: string;
  readonly score: number;
}

/** 2-D positions of words: `points[2i]`, `points[2i + 1]` is `words[i]`. */
export interface Layout {
  readonly words: readonly string[];
  readonly points: Float32Array;
}

/** The main model's layout, and with a second model, that model's layout of the same words after alignment. */
export interface Layouts {
  readonly first: Layout;
  readonly second?: Layout;
  /** With a second model: how many of the top words both models have. */
  readonly shared?: number;
}

/** The top rows of the main model, for UMAP. */
export interface TopRows {
  readonly words: readonly string[];
  readonly dim: number;
  readonly matrix: Float32Array;
}

/** What a worker posts back. */
export type WorkerReply =
  | { readonly id: number; readonly kind: 'progress'; readonly label: string; readonly fraction: number }
  | { readonly id: number; readonly kind: 'result'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** UMAP's default neighbourhood (umap-learn's and umap-js's `n_neighbors`). */
export const UMAP_NEIGHBORS = 15;

/** What the UMAP worker does. */
export interface UmapRequest {
  readonly type: 'umap';
  readonly rows: TopRows;
  readonly neighbors: number;
  readonly seed: number;
}
