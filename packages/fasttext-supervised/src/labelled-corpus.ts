import { FormatError, type TrainingCorpus } from '@embedkit/core-math';
import { sentencesOf } from '@embedkit/corpus';
import { buildInputRowTable, EOS, fastTextHash, SubwordIndexer } from '@embedkit/fasttext-subword';
import { SupervisedDictionary } from './supervised-dictionary.js';
import type { SupervisedTrainOptions } from './supervised-options.js';
import { forEachWordNgramRow } from './word-ngrams.js';

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

/** A growable array of int32. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** A copy of the values pushed. */
  values(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Distinct strings numbered in order of first appearance, with their counts. */
class FirstSeen {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  readonly counts = new IntBuffer();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.counts.push(0);
    }
    this.counts.data[id]!++;
    return id;
  }

  /**
   * The entries seen at least `min` times, most frequent first (first seen first among equals),
   * and each first-seen id's new index (-1 when dropped).
   */
  sorted(min: number): { keys: string[]; counts: Float64Array; index: Int32Array } {
    const counts = this.counts.data;
    const kept: number[] = [];
    for (let id = 0; id < this.keys.length; id++) if (counts[id]! >= min) kept.push(id);
    kept.sort((a, b) => counts[b]! - counts[a]! || a - b);
    const index = new Int32Array(this.keys.length).fill(-1);
    kept.forEach((id, i) => {
      index[id] = i;
    });
    return {
      keys: kept.map((id) => this.keys[id]!),
      counts: Float64Array.from(kept, (id) => counts[id]!),
      index,
    };
  }
}

/**
 * Reads `corpus` (a file of lines, or token arrays) as fastText's supervised mode does: tokens
 * that start with `options.label` are labels, the rest words, every line ends with `</s>`; builds
 * the dictionary (`minCount`, `minCountLabel`) and encodes each labelled line into its input rows
 * (words, character n-grams, word n-grams) and labels. Each token is looked up once; the lines are
 * kept as integers between the two passes.
 *
 * @throws FormatError when no line has a label
 */
export async function readLabelledCorpus(
  corpus: TrainingCorpus,
  options: SupervisedTrainOptions,
  reading: { readonly signal?: AbortSignal },
): Promise<LabelledCorpus> {
  const words = new FirstSeen();
  const labels = new FirstSeen();
  // Per line: its word ids (first-seen numbering) and label ids, in compressed rows.
  const lineWords = new IntBuffer();
  const lineWordEnds = new IntBuffer();
  const lineLabels = new IntBuffer();
  const lineLabelEnds = new IntBuffer();
  const lineTokens = new IntBuffer();
  const prefix = options.label;
  let ntokens = 0;
  for await (const sentence of sentencesOf(corpus, { ...reading, maxSentenceLength: 2 ** 30 })) {
    for (const token of sentence) {
      if (token.startsWith(prefix)) lineLabels.push(labels.id(token));
      else lineWords.push(words.id(token));
    }
    lineWords.push(words.id(EOS));
    lineWordEnds.push(lineWords.length);
    lineLabelEnds.push(lineLabels.length);
    lineTokens.push(sentence.length + 1);
    ntokens += sentence.length + 1;
  }
  const lineCount = lineTokens.length;
  const file = typeof corpus === 'string' ? corpus : '<corpus>';
  if (labels.keys.length === 0) {
    throw new FormatError(
      { file },
      `lines with at least one label (a token that starts with ${JSON.stringify(prefix)}, e.g. "${prefix}spam some text")`,
      `${lineCount} lines and no label`,
    );
  }
  const vocabulary = words.sorted(options.minCount);
  const classes = labels.sorted(Math.max(options.minCountLabel, 1));
  const nwords = vocabulary.keys.length;
  const subwords = new SubwordIndexer(options, nwords);
  const inputRows = buildInputRowTable(vocabulary.keys, subwords);
  const dictionary = new SupervisedDictionary({
    words: vocabulary.keys,
    labels: classes.keys,
    inputRows,
    subwords,
    labelPrefix: prefix,
    wordNgrams: options.wordNgrams,
    bucket: options.bucket,
  });
  const hashes = options.wordNgrams > 1 ? words.keys.map(fastTextHash) : [];
  const rows = new IntBuffer();
  const rowOffsets = new IntBuffer();
  const labelIds = new IntBuffer();
  const labelOffsets = new IntBuffer();
  const tokens = new IntBuffer();
  rowOffsets.push(0);
  labelOffsets.push(0);
  const push = (row: number): void => rows.push(row);
  const lineHashes: number[] = [];
  let skippedLines = 0;
  for (let line = 0; line < lineCount; line++) {
    const rowsAt = rows.length;
    const labelsAt = labelIds.length;
    for (let at = line === 0 ? 0 : lineLabelEnds.data[line - 1]!; at < lineLabelEnds.data[line]!; at++) {
      const label = classes.index[lineLabels.data[at]!]!;
      if (label >= 0) labelIds.push(label);
    }
    lineHashes.length = 0;
    for (let at = line === 0 ? 0 : lineWordEnds.data[line - 1]!; at < lineWordEnds.data[line]!; at++) {
      const seen = lineWords.data[at]!;
      const id = vocabulary.index[seen]!;
      if (id >= 0) {
        for (let r = inputRows.offsets[id]!; r < inputRows.offsets[id + 1]!; r++)
          rows.push(inputRows.rows[r]!);
      } else if (words.keys[seen] !== EOS) {
        subwords.forEach(words.keys[seen]!, push);
      }
      if (hashes.length > 0) lineHashes.push(hashes[seen]!);
    }
    forEachWordNgramRow(lineHashes, options.wordNgrams, options.bucket, nwords, push);
    if (labelIds.length === labelsAt || rows.length === rowsAt) {
      // fastText skips a line without a (kept) label or without input rows.
      rows.length = rowsAt;
      labelIds.length = labelsAt;
      skippedLines++;
      continue;
    }
    rowOffsets.push(rows.length);
    labelOffsets.push(labelIds.length);
    tokens.push(lineTokens.data[line]!);
  }
  if (tokens.length === 0) {
    throw new FormatError(
      { file },
      `lines with a label and a word (labels seen at least ${options.minCountLabel} times, words ${options.minCount} times)`,
      `none of ${lineCount} lines`,
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
      rowOffsets: rowOffsets.values(),
      rows: rows.values(),
      labelOffsets: labelOffsets.values(),
      labels: labelIds.values(),
      tokens: tokens.values(),
    },
  };
}
