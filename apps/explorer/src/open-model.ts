import { IoError, KeyNotFoundError, normalizeInPlace, type WordVectors } from '@embedkit/core-math';
import {
  FASTTEXT_SNIFF_BYTES,
  type FastTextModel,
  looksLikeFastTextBin,
  parseFastTextBin,
} from '@embedkit/fasttext-subword';
import type { Query } from '@embedkit/similarity';
import { readVectors } from '@embedkit/vector-io';
import type { ModelSummary } from './protocol.js';

/**
 * The largest file the page opens (1.5 GiB): GloVe 6B's 400,000 x 300 text is 1.0 GB. Larger
 * files are refused before any byte is read, so the tab never runs out of memory half-way.
 */
export const MAX_FILE_BYTES = 1.5 * 2 ** 30;

/** A model opened in the page: its word vectors and, for a fastText `.bin`, the subword model. */
export interface OpenModel {
  readonly name: string;
  readonly vectors: WordVectors;
  readonly fastText?: FastTextModel;
}

/** Reports how far reading has come, from 0 to 1. */
export type ReadProgress = (fraction: number) => void;

/** A `File` that reports the end of every slice read from it (vector-io reads a `Blob` by slices). */
class ProgressFile extends File {
  readonly #onRead: (end: number) => void;

  constructor(file: File, onRead: (end: number) => void) {
    super([file], file.name);
    this.#onRead = onRead;
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    this.#onRead(Math.min(end ?? this.size, this.size));
    return super.slice(start, end, contentType);
  }
}

/**
 * Opens a dropped or picked vector file: a fastText `.bin` (its words, and vectors for words
 * outside the vocabulary from their subwords) or any format vector-io detects (word2vec text or
 * binary, GloVe, fastText `.vec`), streamed by slices into one matrix.
 *
 * @throws IoError when the file is empty or larger than {@link MAX_FILE_BYTES}
 * @throws FormatError when the file is not a vector file of a known format (or is cut short)
 */
export async function openModel(file: File, onProgress: ReadProgress = () => {}): Promise<OpenModel> {
  if (file.size === 0) throw new IoError(file.name, 'the file is empty, not a vector file');
  if (file.size > MAX_FILE_BYTES) {
    throw new IoError(
      file.name,
      `${formatBytes(file.size)} is more than the page opens (${formatBytes(MAX_FILE_BYTES)} at most): keep its most frequent words (e.g. the first 400,001 lines of a text file)`,
    );
  }
  const head = new Uint8Array(await file.slice(0, FASTTEXT_SNIFF_BYTES).arrayBuffer());
  if (looksLikeFastTextBin(head)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    onProgress(0.5);
    const fastText = await parseFastTextBin(bytes, { file: file.name });
    onProgress(1);
    return { name: file.name, vectors: fastText.wordVectors, fastText };
  }
  // Headerless GloVe text is read twice (lines are counted first): the fraction restarts then.
  const vectors = await readVectors(new ProgressFile(file, (end) => onProgress(end / file.size)));
  return { name: file.name, vectors };
}

/** What the page says about an opened model. */
export function summarize(model: OpenModel): ModelSummary {
  return {
    name: model.name,
    words: model.vectors.size,
    dim: model.vectors.dim,
    subwords: model.fastText !== undefined,
  };
}

/**
 * How a word is looked up: the word itself when it is in the vocabulary; for a fastText `.bin`, a
 * word outside it is its unit-length subword vector (as `fasttext nn` and `embedkit neighbors` do).
 *
 * @throws KeyNotFoundError naming the word and the model when the model has no vector for it
 */
export function wordQuery(model: OpenModel, word: string): Query {
  if (model.vectors.has(word)) return word;
  const vector = model.fastText?.vector(word);
  if (vector === undefined || vector.every((x) => x === 0)) {
    const vocabulary = `the vocabulary of ${model.name} (${model.vectors.size} words)`;
    throw new KeyNotFoundError(word, model.fastText ? `${vocabulary} and has no known subword` : vocabulary);
  }
  normalizeInPlace(vector);
  return vector;
}

/** A byte count for people: `2.0 GB`, `347 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)} MB`;
  return `${Math.round(bytes / 2 ** 10)} KB`;
}
