/** One scored sentence pair of an STS file. */
export interface StsPair {
  /** The gold similarity, 0 (unrelated) to 5 (equivalent). */
  readonly score: number;
  /** The first sentence. */
  readonly sentence1: string;
  /** The second sentence. */
  readonly sentence2: string;
  /** 1-based line of the pair in the file. */
  readonly line: number;
}

/** The pairs of an STS file and what could not be used. */
export interface StsData {
  /** The usable pairs, in file order. */
  readonly pairs: readonly StsPair[];
  /** 1-based lines skipped: fewer than 7 tab-separated fields, or a score that is not a number. */
  readonly skippedLines: readonly number[];
  /** Lines with more than 7 fields (trailing source notes); their first 7 fields are used. */
  readonly extraFieldLines: number;
}

/**
 * Parses an STS Benchmark file (Cer et al. 2017): tab-separated `genre, file, year, id, score,
 * sentence1, sentence2`, one pair per line. Fields after the seventh (source notes in some
 * lines) are ignored; quotes have no special meaning; blank lines are ignored; unusable lines are
 * counted, not fatal.
 */
export function parseSts(text: string): StsData {
  const pairs: StsPair[] = [];
  const skippedLines: number[] = [];
  let extraFieldLines = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const scoreField = fields[4]?.trim() ?? '';
    const score = scoreField === '' ? Number.NaN : Number(scoreField);
    if (fields.length < 7 || !Number.isFinite(score)) {
      skippedLines.push(i + 1);
      continue;
    }
    if (fields.length > 7) extraFieldLines++;
    pairs.push({ score, sentence1: fields[5]!, sentence2: fields[6]!, line: i + 1 });
  }
  return { pairs, skippedLines, extraFieldLines };
}
