import { ConfigError } from '@embedkit/core-math';
import { cellsFor } from './dense-region.js';
import { RUN_RECORD_BYTES } from './merge-records.js';
import { MAX_LOAD } from './sparse-table.js';

const MEGABYTE = 2 ** 20;

/**
 * Peak bytes per slot of the sparse table: the slot itself (16), the half-size table that coexists
 * with it while it doubles (8), and the sorted keys taken out of it when it spills (8 per held pair).
 */
const PEAK_BYTES_PER_SLOT = 16 + 8 + Math.ceil(8 * MAX_LOAD);
const DENSE_CELL_BYTES = 8;
/** 1 GiB of slots: with the dense region at most 3 GiB of the 4 GiB kernel memory. */
const MAX_SPARSE_CAPACITY = 2 ** 26;
/** 2 GiB of cells: the kernel memory the region lives in holds 4 GiB in all. */
const MAX_DENSE_CELLS = 2 ** 28;
/** Share of the budget `cooccur` plans with (the rest is left for everything else). */
const PLANNED_SHARE = 0.85;
/**
 * Share of the budget the counting stores are planned for: half, because the same process later
 * holds the training entries and parameters in the bytes the stores give back (the Stanford tools
 * count, shuffle and train in separate processes).
 */
const COUNTING_SHARE = 0.5;
/** `cooccur` sizes its records as 16 bytes (two int32 and a double). */
const COOCCUR_RECORD_BYTES = 16;
/** `cooccur`'s overflow buffer holds a sixth of its planned records. */
const OVERFLOW_SHARE = 1 / 6;
const MAX_FAN_IN = 64;
const MIN_RECORDS_PER_READER = 8;
const MAX_RECORDS_PER_READER = 65_536;

/** How the counting accumulator splits its memory budget. */
export interface MemoryPlan {
  /** Most cells of the dense frequent-pair region. */
  readonly denseCells: number;
  /** Most slots of the sparse table (a power of two); beyond it the table spills. */
  readonly sparseCapacity: number;
  /** Most runs merged at once (more runs are merged in several passes). */
  readonly fanIn: number;
  /** Records buffered per run file read or written. */
  readonly bufferRecords: number;
}

function minimumCapacity(pairsPerToken: number): number {
  let capacity = 1;
  while (Math.floor(capacity * MAX_LOAD) < pairsPerToken + 1) capacity *= 2;
  return capacity;
}

/**
 * The rank product `cooccur` gives its dense array for `records` planned records: the n with
 * n · (ln n + 0.1544313298) = records (binary search; the left side grows with n).
 */
function stanfordProduct(records: number): number {
  let low = 0;
  let high = Math.max(1, Math.floor(records));
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (mid * (Math.log(mid) + 0.1544313298) <= records) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Splits `memory` megabytes as Stanford `cooccur -memory` splits half of it (the other half is for
 * the training entries and parameters that follow in the same process): of 0.85 · memory / 2 counted
 * in 16-byte records, the dense region takes the rank products up to n with n · (ln n + 0.1544) = records (no
 * more than V² cells), the sparse table a sixth of the records' bytes (its overflow buffer), at
 * least the pairs of one token.
 *
 * @param pairsPerToken - most pairs one token adds (2 · window when symmetric, window otherwise)
 * @throws ConfigError when the budget cannot hold the smallest run: the pairs of one token
 */
export function planMemory(memory: number, pairsPerToken: number, vocabSize: number): MemoryPlan {
  const budget = Math.floor(memory * MEGABYTE);
  const minimumBytes = PEAK_BYTES_PER_SLOT * minimumCapacity(pairsPerToken);
  if (budget < minimumBytes) {
    const megabytes = Math.ceil((minimumBytes / MEGABYTE) * 1e6) / 1e6;
    throw new ConfigError(
      'memory',
      memory,
      `at least ${megabytes} MB (${minimumBytes} bytes): one run must hold the ${pairsPerToken} co-occurrences a single token adds`,
    );
  }
  const records = (COUNTING_SHARE * PLANNED_SHARE * budget) / COOCCUR_RECORD_BYTES;
  const sparseBytes = Math.max(minimumBytes, Math.floor(records * OVERFLOW_SHARE * COOCCUR_RECORD_BYTES));
  const denseCells = Math.min(
    vocabSize * vocabSize,
    MAX_DENSE_CELLS,
    cellsFor(vocabSize, stanfordProduct(records)),
    Math.floor((budget - sparseBytes) / DENSE_CELL_BYTES),
  );
  let sparseCapacity = minimumCapacity(pairsPerToken);
  while (sparseCapacity * 2 * PEAK_BYTES_PER_SLOT <= sparseBytes && sparseCapacity < MAX_SPARSE_CAPACITY) {
    sparseCapacity *= 2;
  }
  const fanIn = Math.max(
    2,
    Math.min(MAX_FAN_IN, Math.floor(sparseBytes / (MIN_RECORDS_PER_READER * RUN_RECORD_BYTES)) - 1),
  );
  const bufferRecords = Math.max(
    1,
    Math.min(MAX_RECORDS_PER_READER, Math.floor(sparseBytes / RUN_RECORD_BYTES / (fanIn + 1))),
  );
  return { denseCells, sparseCapacity, fanIn, bufferRecords };
}
