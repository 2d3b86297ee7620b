import {
  ConfigError,
  type EmbeddingAlgorithm,
  Random,
  type TrainContext,
  type TrainingCorpus,
  WordVectors,
  throwIfAborted,
} from '@embedkit/core-math';
import { encodeCorpus, Vocabulary, withReplayableCorpus } from '@embedkit/corpus';
import { symmetricEigen } from './symmetric-eigen.js';

/**
 * Options of the PPMI + truncated SVD baseline (Levy, Goldberg & Dagan 2015, "Improving
 * distributional similarity with lessons learned from word embeddings").
 */
export interface PpmiSvdOptions {
  /** Dimensions kept from the SVD. */
  readonly dim: number;
  /** Context words on each side (plain counts, no distance weighting). */
  readonly window: number;
  /** Words seen fewer times are dropped. */
  readonly minCount: number;
  /** Keep at most this many words (0 = no limit). */
  readonly maxVocab: number;
  /** Context distribution smoothing exponent (0.75 in the paper; 1 = none). */
  readonly cdsAlpha: number;
  /** Shifted PPMI: subtract log(shift) (1 = plain PPMI). */
  readonly shift: number;
  /** Vectors are U·Σ^eigenWeight (0.5 in the paper's best setting; 1 = classic SVD). */
  readonly eigenWeight: number;
  /** Power iterations of the randomized SVD (more = more accurate). */
  readonly powerIterations: number;
}

const DEFAULTS: PpmiSvdOptions = {
  dim: 100,
  window: 5,
  minCount: 5,
  maxVocab: 0,
  cdsAlpha: 0.75,
  shift: 1,
  eigenWeight: 0.5,
  powerIterations: 3,
};

/** A sparse square matrix in compressed sparse rows. */
interface CsrMatrix {
  readonly size: number;
  readonly rowStarts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float32Array;
}

function validate(options: PpmiSvdOptions): void {
  const integer = (name: keyof PpmiSvdOptions, min: number, max: number): void => {
    const value = options[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(name, value, `an integer from ${min} to ${max}`);
    }
  };
  integer('dim', 1, 10_000);
  integer('window', 1, 1000);
  integer('minCount', 1, Number.MAX_SAFE_INTEGER);
  integer('maxVocab', 0, Number.MAX_SAFE_INTEGER);
  integer('powerIterations', 0, 50);
  if (!(options.cdsAlpha > 0 && options.cdsAlpha <= 1))
    throw new ConfigError('cdsAlpha', options.cdsAlpha, 'a number in (0, 1]');
  if (!(options.shift >= 1)) throw new ConfigError('shift', options.shift, 'a number of at least 1');
  if (!(options.eigenWeight >= 0 && options.eigenWeight <= 1)) {
    throw new ConfigError('eigenWeight', options.eigenWeight, 'a number in [0, 1]');
  }
}

/** Symmetric window co-occurrence counts of word ids, as a CSR matrix. */
function countCooccurrences(
  ids: Int32Array,
  sentenceStarts: Int32Array,
  size: number,
  window: number,
  signal: AbortSignal | undefined,
): CsrMatrix {
  const counts = new Map<number, number>();
  for (let s = 0; s + 1 < sentenceStarts.length; s++) {
    if ((s & 1023) === 0) throwIfAborted(signal, 'PPMI-SVD training');
    const start = sentenceStarts[s]!;
    const end = sentenceStarts[s + 1]!;
    for (let i = start; i < end; i++) {
      const word = ids[i]!;
      const last = Math.min(end, i + window + 1);
      for (let j = i + 1; j < last; j++) {
        const context = ids[j]!;
        const forward = word * size + context;
        const backward = context * size + word;
        counts.set(forward, (counts.get(forward) ?? 0) + 1);
        counts.set(backward, (counts.get(backward) ?? 0) + 1);
      }
    }
  }
  const keys = Float64Array.from(counts.keys()).sort();
  const rowStarts = new Int32Array(size + 1);
  const columns = new Int32Array(keys.length);
  const values = new Float32Array(keys.length);
  keys.forEach((key, n) => {
    const row = Math.floor(key / size);
    rowStarts[row + 1]!++;
    columns[n] = key - row * size;
    values[n] = counts.get(key)!;
  });
  for (let r = 0; r < size; r++) rowStarts[r + 1]! += rowStarts[r]!;
  return { size, rowStarts, columns, values };
}

/** Replaces counts by shifted positive PMI with context distribution smoothing, in place. */
function toPpmi(matrix: CsrMatrix, cdsAlpha: number, shift: number): void {
  const { size, rowStarts, columns, values } = matrix;
  const rowSums = new Float64Array(size);
  const contextSums = new Float64Array(size);
  for (let r = 0; r < size; r++) {
    for (let n = rowStarts[r]!; n < rowStarts[r + 1]!; n++) {
      rowSums[r]! += values[n]!;
      contextSums[columns[n]!]! += values[n]!;
    }
  }
  let smoothedTotal = 0;
  for (let c = 0; c < size; c++) {
    contextSums[c] = contextSums[c]! ** cdsAlpha;
    smoothedTotal += contextSums[c]!;
  }
  const logShift = Math.log(shift);
  for (let r = 0; r < size; r++) {
    for (let n = rowStarts[r]!; n < rowStarts[r + 1]!; n++) {
      const pmi =
        Math.log((values[n]! * smoothedTotal) / (rowSums[r]! * contextSums[columns[n]!]!)) - logShift;
      values[n] = Math.max(pmi, 0);
    }
  }
}

/** out (size x k, row-major) = matrix · block, or matrixᵀ · block when `transpose`. */
function multiply(
  matrix: CsrMatrix,
  block: Float64Array,
  k: number,
  out: Float64Array,
  transpose: boolean,
): void {
  out.fill(0);
  const { size, rowStarts, columns, values } = matrix;
  for (let r = 0; r < size; r++) {
    for (let n = rowStarts[r]!; n < rowStarts[r + 1]!; n++) {
      const value = values[n]!;
      if (value === 0) continue;
      const source = (transpose ? r : columns[n]!) * k;
      const target = (transpose ? columns[n]! : r) * k;
      for (let j = 0; j < k; j++) out[target + j]! += value * block[source + j]!;
    }
  }
}

/** Orthonormalises the k columns of a size x k row-major block (modified Gram-Schmidt). */
function orthonormalizeColumns(block: Float64Array, size: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < size; r++) dot += block[r * k + i]! * block[r * k + j]!;
      for (let r = 0; r < size; r++) block[r * k + j]! -= dot * block[r * k + i]!;
    }
    let norm = 0;
    for (let r = 0; r < size; r++) norm += block[r * k + j]! ** 2;
    norm = Math.sqrt(norm);
    const inv = norm > 1e-12 ? 1 / norm : 0;
    for (let r = 0; r < size; r++) block[r * k + j]! *= inv;
  }
}

/**
 * Trains PPMI-SVD vectors: symmetric window counts, shifted PPMI with context distribution
 * smoothing, and a randomized truncated SVD (Halko, Martinsson & Tropp 2011) of the PPMI matrix.
 */
export async function trainPpmiSvd(
  corpus: TrainingCorpus,
  partial: Partial<PpmiSvdOptions> = {},
  context: TrainContext = {},
): Promise<WordVectors> {
  const options: PpmiSvdOptions = { ...DEFAULTS, ...partial };
  validate(options);
  const { signal, onProgress } = context;
  // Read twice (vocabulary, then ids): a pipe is copied once first.
  const { vocabulary, encoded } = await withReplayableCorpus(
    corpus,
    signal ? { signal } : {},
    async (replayable) => {
      const built = await Vocabulary.build(replayable, {
        minCount: options.minCount,
        ...(options.maxVocab > 0 ? { maxVocab: options.maxVocab } : {}),
        ...(signal ? { signal } : {}),
      });
      if (options.dim > built.size) {
        // The SVD has at most one dimension per word: the rest would be zero columns.
        throw new ConfigError(
          'dim',
          options.dim,
          `at most ${built.size}, the vocabulary size (PPMI-SVD gives at most one dimension per word)`,
        );
      }
      onProgress?.({ phase: 'cooccurrence', fraction: 0.1 });
      return { vocabulary: built, encoded: await encodeCorpus(replayable, built, signal ? { signal } : {}) };
    },
  );
  const size = vocabulary.size;
  const matrix = countCooccurrences(encoded.ids, encoded.sentenceStarts, size, options.window, signal);
  toPpmi(matrix, options.cdsAlpha, options.shift);
  onProgress?.({ phase: 'svd', fraction: 0.4 });

  // Randomized SVD: Q spans M's top left singular vectors after a few power iterations.
  const k = Math.min(size, options.dim + 10);
  const random = new Random(context.seed ?? 1);
  const start = new Float64Array(size * k);
  for (let n = 0; n < start.length; n++) start[n] = random.nextFloat() - 0.5;
  const basis = new Float64Array(size * k);
  const right = new Float64Array(size * k);
  multiply(matrix, start, k, basis, false);
  orthonormalizeColumns(basis, size, k);
  for (let iteration = 0; iteration < options.powerIterations; iteration++) {
    throwIfAborted(signal, 'PPMI-SVD training');
    multiply(matrix, basis, k, right, true);
    orthonormalizeColumns(right, size, k);
    multiply(matrix, right, k, basis, false);
    orthonormalizeColumns(basis, size, k);
    onProgress?.({ phase: 'svd', fraction: 0.4 + (0.5 * (iteration + 1)) / options.powerIterations });
  }
  // B = Qᵀ M; the eigen-decomposition of B Bᵀ (k x k) gives U_B and Σ², and U = Q U_B.
  multiply(matrix, basis, k, right, true);
  const gram = new Float64Array(k * k);
  for (let r = 0; r < size; r++) {
    for (let i = 0; i < k; i++) {
      const b = right[r * k + i]!;
      if (b === 0) continue;
      for (let j = 0; j < k; j++) gram[i * k + j]! += b * right[r * k + j]!;
    }
  }
  const { values: squaredSingular, vectors: leftSmall } = symmetricEigen(gram, k);
  const { dim } = options; // at most the vocabulary size, so at most k
  const output = new Float32Array(size * dim);
  for (let c = 0; c < dim; c++) {
    const weight = Math.sqrt(Math.max(squaredSingular[c]!, 0)) ** options.eigenWeight;
    for (let r = 0; r < size; r++) {
      let value = 0;
      for (let i = 0; i < k; i++) value += basis[r * k + i]! * leftSmall[i * k + c]!;
      output[r * dim + c] = value * weight;
    }
  }
  onProgress?.({ phase: 'svd', fraction: 1 });
  return new WordVectors(vocabulary.words, output, dim, vocabulary.counts);
}

/** The PPMI + truncated SVD count-based baseline as a registered algorithm (id `ppmi-svd`). */
export const ppmiSvd: EmbeddingAlgorithm<PpmiSvdOptions> = {
  id: 'ppmi-svd',
  description:
    'Count-based baseline: shifted PPMI with context distribution smoothing, then truncated SVD (Levy, Goldberg & Dagan 2015)',
  defaults: DEFAULTS,
  train: (corpus, options, context) => trainPpmiSvd(corpus, options, context),
};
