import {
  SigmoidTable,
  allocateFloat32,
  releaseArray,
  useKernels,
  wasmKernels,
} from '@embedkit/core-math/kernels';
import { Random } from '@embedkit/core-math';
import { logisticStepFlops, type StepPeak } from './roofline.js';

/** Rows of the compute roof: 8 rows of 100 floats (3.2 KB) stay in L1 with the hidden and gradient vectors. */
const CACHE_ROWS = 8;
/** Row offsets visited in turn (a power of two), drawn once. */
const ORDER_LENGTH = 1 << 16;

/**
 * GFLOP/s of `calls` fused logistic steps of one vector against rows of `matrix` visited in
 * `order`, on the WebAssembly kernels (the ones training uses).
 */
function stepRate(
  matrix: Float32Array,
  order: Int32Array,
  hidden: Float32Array,
  gradient: Float32Array,
  dim: number,
  calls: number,
): number {
  const kernels = wasmKernels();
  const sigmoid = new SigmoidTable();
  const mask = order.length - 1;
  let sink = 0;
  const started = performance.now();
  for (let c = 0; c < calls; c++) {
    sink += kernels.logisticStep(hidden, 0, matrix, order[c & mask]!, gradient, 0, dim, c & 1, 1e-4, sigmoid);
  }
  const seconds = (performance.now() - started) / 1000;
  if (Number.isNaN(sink)) throw new Error('logistic step: NaN');
  return (logisticStepFlops(dim) * calls) / seconds / 1e9;
}

/**
 * Measures the fused logistic step's two roofs on one core (the Wasm SIMD kernel, arrays in the
 * kernel memory): rows in L1, and rows drawn at random from `memoryMb` MB of weights. Each figure
 * is the best of `rounds` rounds of `calls` steps, after one warm-up round.
 */
export function measureStepPeak(dim: number, memoryMb = 256, rounds = 3, calls = 1_000_000): StepPeak {
  useKernels(wasmKernels());
  const rows = Math.floor((memoryMb * 2 ** 20) / (4 * dim));
  const matrix = allocateFloat32(rows * dim);
  const hidden = allocateFloat32(dim);
  const gradient = allocateFloat32(dim);
  try {
    const random = new Random(1);
    // Small values that keep every step's score inside the sigmoid table's range.
    for (let i = 0; i < matrix.length; i++) matrix[i] = ((i % 251) - 125) * 1e-5;
    for (let i = 0; i < dim; i++) hidden[i] = (random.nextFloat() - 0.5) * 0.2;
    const inCache = Int32Array.from({ length: ORDER_LENGTH }, (_, i) => (i % CACHE_ROWS) * dim);
    const scattered = Int32Array.from({ length: ORDER_LENGTH }, () => random.nextInt(rows) * dim);
    const best = (order: Int32Array): number => {
      let fastest = 0;
      for (let round = -1; round < rounds; round++) {
        const rate = stepRate(matrix, order, hidden, gradient, dim, calls);
        if (round >= 0) fastest = Math.max(fastest, rate);
      }
      return fastest;
    };
    return { dim, cacheGflops: best(inCache), memoryGflops: best(scattered), memoryMb };
  } finally {
    for (const array of [matrix, hidden, gradient]) releaseArray(array);
  }
}
