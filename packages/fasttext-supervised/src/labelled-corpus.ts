import { FormatError, type TrainingCorpus } from '@embedkit/core-math';
import { sentencesOf } from '@embedkit/corpus';
import { EOS, SubwordIndexer, buildInputRowTable } from '@embedkit/fasttext-subword';
import { SupervisedDictionary } from './supervised-dictionary.js';
import type { SupervisedTrainOptions } from './supervised-options.js';

/** Training lines encoded once: input rows and label indices per line, in compressed rows. */
export interface EncodedLines {
  /** `lines + 1` offsets into `rows`. */
  readonly rowOffsets: Int32Array;
  /** Every line's input rows. */
  readonly rows: Int32Array;
  /** `lines + 1` offsets into `labels`. */
  readonly labelOffsets: Int32Array;
  /** Every line's label indices. */
  readonly labels: Int32Array;
  /** Tokens per line as fastText counts them (words, labels and `</s>`): the learning-rate clock. */
  readonly tokens: Int32Array;
}

/** A labelled corpus read for training: the dictionary, the encoded lines and what was skipped. */
export interface LabelledCorpus {
  /** The words, most frequent first (`</s>` among them, as fastText counts it once per line). */
  readonly words: string[];
  /** Each word's count. */
  readonly wordCounts: Float64Array;
  /** The labels, most frequent first. */
  readonly labels: string[];
  /** Each label's count. */
  readonly labelCounts: Float64Array;
  /** All tokens read (fastText's `ntokens`). */
  readonly ntokens: number;
  /** Lines without any label, left out of training as fastText does. */
  readonly skippedLines: number;
  /** The labelled lines. */
  readonly lines: EncodedLines;
  /** The dictionary the lines were encoded with. */
  readonly dictionary: SupervisedDictionary;
}

interface Count {
  count: number;
  readonly first: number;
}

/** Entries with at least `min` occurrences, most frequent first, first seen first among equals. */
function sortedEntries(counts: Map<string, Count>, min: number): { keys: string[]; counts: Float64Array } {
  const kept = [...counts].filter(([, c]) => c.count >= min);
  kept.sort(([, a], [, b]) => b.count - a.count || a.first - b.first);
  return { keys: kept.map(([key]) => key), counts: Float64Array.from(kept, ([, c]) => c.count) };
}

function grow(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Reads `corpus` (a file of lines, or token arrays) as fastText's supervised mode does: tokens
 * that start with `options.label` are labels, the rest words, every line ends with `</s>`; builds
 * the dictionary (`minCount`, `minCountLabel`) and encodes each labelled line into its input rows
 * (words, character n-grams, word n-grams) and labels.
 *
 * @throws FormatError when no line has a label
 */
export async function readLabelledCorpus(
  corpus: TrainingCorpus,
  options: SupervisedTrainOptions,
  reading: { readonly signal?: AbortSignal },
): Promise<LabelledCorpus> {
  const lines: string[][] = [];
  const words = new Map<string, Count>();
  const labels = new Map<string, Count>();
  let ntokens = 0;
  const count = (map: Map<string, Count>, token: string): void => {
    const entry = map.get(token);
    if (entry === undefined) map.set(token, { count: 1, first: map.size });
    else entry.count++;
  };
  for await (const sentence of sentencesOf(corpus, { ...reading, maxSentenceLength: 2 ** 30 })) {
    const tokens = [...sentence, EOS];
    for (const token of tokens) count(token.startsWith(options.label) ? labels : words, token);
    ntokens += tokens.length;
    lines.push(tokens);
  }
  const file = typeof corpus === 'string' ? corpus : '<corpus>';
  if (labels.size === 0) {
    throw new FormatError(
      { file },
      `lines with at least one label (a token that starts with ${JSON.stringify(options.label)}, e.g. "${options.label}spam some text")`,
      `${lines.length} lines and no label`,
    );
  }
  const vocabulary = sortedEntries(words, options.minCount);
  const classes = sortedEntries(labels, Math.max(options.minCountLabel, 1));
  const subwords = new SubwordIndexer(options, vocabulary.keys.length);
  const dictionary = new SupervisedDictionary({
    words: vocabulary.keys,
    labels: classes.keys,
    inputRows: buildInputRowTable(vocabulary.keys, subwords),
    subwords,
    labelPrefix: options.label,
    wordNgrams: options.wordNgrams,
    bucket: options.bucket,
  });
  const rowOffsets = [0];
  const labelOffsets = [0];
  let rows = new Int32Array(1024);
  let labelIds = new Int32Array(256);
  const tokens: number[] = [];
  let skippedLines = 0;
  for (const line of lines) {
    const encoded = dictionary.encode(line);
    if (encoded.labels.length === 0 || encoded.rows.length === 0) {
      skippedLines++;
      continue;
    }
    const rowsAt = rowOffsets[rowOffsets.length - 1]!;
    rows = grow(rows, rowsAt + encoded.rows.length);
    rows.set(encoded.rows, rowsAt);
    rowOffsets.push(rowsAt + encoded.rows.length);
    const labelsAt = labelOffsets[labelOffsets.length - 1]!;
    labelIds = grow(labelIds, labelsAt + encoded.labels.length);
    labelIds.set(encoded.labels, labelsAt);
    labelOffsets.push(labelsAt + encoded.labels.length);
    tokens.push(line.length);
  }
  if (tokens.length === 0) {
    throw new FormatError(
      { file },
      `lines with a label and a word (labels seen at least ${options.minCountLabel} times, words ${options.minCount} times)`,
      `none of ${lines.length} lines`,
    );
  }
  return {
    words: vocabulary.keys,
    wordCounts: vocabulary.counts,
    labels: classes.keys,
    labelCounts: classes.counts,
    ntokens,
    skippedLines,
    dictionary,
    lines: {
      rowOffsets: Int32Array.from(rowOffsets),
      rows: rows.slice(0, rowOffsets[rowOffsets.length - 1]),
      labelOffsets: Int32Array.from(labelOffsets),
      labels: labelIds.slice(0, labelOffsets[labelOffsets.length - 1]),
      tokens: Int32Array.from(tokens),
    },
  };
}
