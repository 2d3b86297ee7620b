/**
 * A model of Hogwild contention in word2vec training (used by hogwild-model.ts): from the
 * vocabulary's counts, the probability that a row is written by one prediction, the rows and cache
 * lines that two or more threads write within the same prediction's time, and the speed-up that
 * follows from the measured cost of moving a cache line between cores.
 */

/** Bytes of a cache line on x86-64 and ARM64 cores of this class. */
export const CACHE_LINE_BYTES = 64;

/** What one prediction writes, for a given model. */
export interface PredictionShape {
  /** Negative samples per prediction (each writes one output row). */
  readonly negative: number;
  /**
   * Input rows written per prediction: 1 for skip-gram (the context word's row), the mean number
   * of context words for CBOW (each row gets the hidden vector's update).
   */
  readonly inputRows: number;
}

/** Per matrix, the probability that one prediction writes row `w`. */
export interface RowWriteProbabilities {
  readonly input: Float64Array;
  readonly output: Float64Array;
}

/**
 * The probability that one prediction writes each row. The predicted word and the input words
 * are tokens of the subsampled corpus (probability ∝ count · keep); the negatives are draws from
 * the noise distribution `noise` (probabilities, summing to 1). For skip-gram the input row is
 * the context word's; for CBOW `inputRows` context words each write their row.
 */
export function rowWriteProbabilities(
  counts: ArrayLike<number>,
  keep: ArrayLike<number>,
  noise: ArrayLike<number>,
  shape: PredictionShape,
): RowWriteProbabilities {
  const size = counts.length;
  let kept = 0;
  for (let w = 0; w < size; w++) kept += counts[w]! * keep[w]!;
  const input = new Float64Array(size);
  const output = new Float64Array(size);
  for (let w = 0; w < size; w++) {
    const token = (counts[w]! * keep[w]!) / kept;
    input[w] = 1 - (1 - token) ** shape.inputRows;
    output[w] = 1 - (1 - token) * (1 - noise[w]!) ** shape.negative;
  }
  return { input, output };
}

/** The probability that at least one of `others` threads writes a row it writes with `p` per prediction. */
function writtenByOthers(p: number, others: number): number {
  return 1 - (1 - p) ** others;
}

/** The cache lines of row `w` of a matrix of `dim`-float rows that starts on a line boundary. */
function linesOfRow(w: number, dim: number): { first: number; last: number } {
  const bytes = 4 * dim;
  return {
    first: Math.floor((w * bytes) / CACHE_LINE_BYTES),
    last: Math.floor(((w + 1) * bytes - 1) / CACHE_LINE_BYTES),
  };
}

/** Contention of one thread's prediction while `threads - 1` others train at the same time. */
export interface Contention {
  /** Rows it writes that another thread writes within the same prediction's time (expected). */
  readonly sharedRows: number;
  /** Cache lines of those rows. */
  readonly sharedRowLines: number;
  /** Cache lines it writes that another thread writes through a neighbouring row (false sharing). */
  readonly falselySharedLines: number;
}

/**
 * The expected contention of one prediction with `threads` threads: for every row it writes (with
 * the probabilities of {@link rowWriteProbabilities}), the chance that another thread writes the
 * same row within the same prediction's time (each thread's predictions independent draws), and
 * the chance that another thread writes a neighbouring row that shares a cache line with it (rows
 * of `4·dim` bytes, the matrix starting on a line boundary).
 */
export function contention(rows: RowWriteProbabilities, dim: number, threads: number): Contention {
  const others = threads - 1;
  let sharedRows = 0;
  let sharedRowLines = 0;
  let falselySharedLines = 0;
  for (const p of [rows.input, rows.output]) {
    for (let w = 0; w < p.length; w++) {
      const mine = p[w]!;
      if (mine === 0) continue;
      const { first, last } = linesOfRow(w, dim);
      const same = mine * writtenByOthers(mine, others);
      sharedRows += same;
      sharedRowLines += same * (last - first + 1);
      // The first line is shared with the row before when the row does not start it; the last with
      // the row after when the row does not end it. Counted when only the neighbour is written.
      if (w > 0 && linesOfRow(w - 1, dim).last === first) {
        falselySharedLines += mine * (1 - writtenByOthers(mine, others)) * writtenByOthers(p[w - 1]!, others);
      }
      if (w + 1 < p.length && linesOfRow(w + 1, dim).first === last) {
        falselySharedLines += mine * (1 - writtenByOthers(mine, others)) * writtenByOthers(p[w + 1]!, others);
      }
    }
  }
  return { sharedRows, sharedRowLines, falselySharedLines };
}

/** What the speed-up model needs besides the contention: measured on one thread. */
export interface MeasuredCosts {
  /** Seconds of one prediction on one thread (training phase / predictions). */
  readonly predictionSeconds: number;
  /** Extra seconds of a write to a cache line that another core wrote last. */
  readonly lineTransferSeconds: number;
  /** Seconds of the serial parts: counting the vocabulary, encoding, saving. */
  readonly serialSeconds: number;
  /** Seconds of the training phase on one thread. */
  readonly trainingSeconds: number;
}

/** The predicted speed-ups with `threads` threads. */
export interface Prediction {
  readonly threads: number;
  readonly contention: Contention;
  /** Extra seconds per prediction from contended lines. */
  readonly extraSeconds: number;
  /** Training phase: threads / (1 + extra / prediction time). */
  readonly trainingSpeedUp: number;
  /** Whole process: the serial parts stay, the training phase divides by its speed-up (Amdahl). */
  readonly processSpeedUp: number;
}

/** The speed-up predicted for `threads` threads from the contention and the measured costs. */
export function predictSpeedUp(
  rows: RowWriteProbabilities,
  dim: number,
  threads: number,
  costs: MeasuredCosts,
): Prediction {
  const shared = contention(rows, dim, threads);
  const extraSeconds = (shared.sharedRowLines + shared.falselySharedLines) * costs.lineTransferSeconds;
  const trainingSpeedUp = threads / (1 + extraSeconds / costs.predictionSeconds);
  const whole = costs.serialSeconds + costs.trainingSeconds;
  const processSpeedUp = whole / (costs.serialSeconds + costs.trainingSeconds / trainingSpeedUp);
  return { threads, contention: shared, extraSeconds, trainingSpeedUp, processSpeedUp };
}
