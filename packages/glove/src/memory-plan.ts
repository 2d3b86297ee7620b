import { ConfigError } from '@embedkit/core-math';
import { RUN_RECORD_BYTES } from './merge-records.js';
import { MAX_LOAD } from './sparse-table.js';

const MEGABYTE = 2 ** 20;

/**
 * Peak bytes per slot of the sparse table: the slot itself (16), the half-size table that coexists
 * with it while it doubles (8), and the sorted keys taken out of it when it spills (8 per held pair).
 */
const PEAK_BYTES_PER_SLOT = 16 + 8 + Math.ceil(8 * MAX_LOAD);
const DENSE_CELL_BYTES = 8;
const MAX_SPARSE_CAPACITY = 2 ** 28;
const MAX_DENSE_CELLS = 2 ** 30;
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
 * Splits `memory` megabytes between the dense region (at most half of what the smallest sparse table
 * leaves, and no more than V² cells) and the sparse table (the rest).
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
  const denseCells = Math.min(
    vocabSize * vocabSize,
    MAX_DENSE_CELLS,
    Math.floor((budget - minimumBytes) / 2 / DENSE_CELL_BYTES),
  );
  const sparseBytes = budget - denseCells * DENSE_CELL_BYTES;
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
