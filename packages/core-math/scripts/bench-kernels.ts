/**
 * Micro-benchmark of the vector kernels: GFLOP/s of dot, axpy and word2vec's logistic step for
 * one vector against rows of a weight matrix, TypeScript kernels against WebAssembly SIMD kernels
 * in the same run (rounds interleaved, medians reported), on arrays in the kernel memory.
 *
 *   npx tsx packages/core-math/scripts/bench-kernels.ts [--dim 100] [--rounds 7] [--ms 300]
 *
 * Prints a Markdown table. Timings on a shared machine are noisy: compare the ratios.
 */
import { parseArgs } from 'node:util';
import {
  SigmoidTable,
  type VectorKernels,
  allocateFloat32,
  inKernelMemory,
  tsKernels,
  useKernels,
  wasmKernels,
} from '../src/kernels-entry.js';

const { values } = parseArgs({
  options: {
    dim: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '7' },
    ms: { type: 'string', default: '300' },
  },
});
const dim = Number(values.dim);
const rounds = Number(values.rounds);
const roundMs = Number(values.ms);

const wasm = wasmKernels();
useKernels(wasm); // allocate in the Wasm memory, so the Wasm kernels run on these arrays
const ROWS = 1000; // 1000 x dim floats: 400 KB at dim 100, like a hot slice of a weight matrix
const matrix = allocateFloat32(ROWS * dim);
const hidden = allocateFloat32(dim);
const gradient = allocateFloat32(dim);
for (let i = 0; i < matrix.length; i++) matrix[i] = (Math.sin(i) * 0.5) / dim;
for (let i = 0; i < dim; i++) hidden[i] = Math.cos(i) * 0.1;
if (![matrix, hidden, gradient].every(inKernelMemory)) throw new Error('arrays are not in the Wasm memory');
const sigmoid = new SigmoidTable();
const rowOrder = Int32Array.from({ length: 4096 }, (_, i) => ((i * 7919) % ROWS) * dim);

interface Case {
  readonly name: string;
  /** Floating-point operations of one call. */
  readonly flops: number;
  /** Runs `calls` calls; returns a value that depends on them (so nothing is optimised away). */
  run(kernels: VectorKernels, calls: number): number;
}

/** The logistic step as word2vec composes it from three kernel calls (dot, sigmoid, two axpys). */
function threeCallStep(k: VectorKernels, row: number, label: number): number {
  const score = k.dot(hidden, 0, matrix, row, dim);
  const g = (label - sigmoid.sigmoid(score)) * 0.001;
  k.axpy(g, matrix, row, gradient, 0, dim);
  k.axpy(g, hidden, 0, matrix, row, dim);
  return g;
}

const cases: Case[] = [
  {
    name: 'dot',
    flops: 2 * dim,
    run(k, calls) {
      let sum = 0;
      for (let c = 0; c < calls; c++) sum += k.dot(hidden, 0, matrix, rowOrder[c & 4095]!, dim);
      return sum;
    },
  },
  {
    name: 'axpy',
    flops: 2 * dim,
    run(k, calls) {
      for (let c = 0; c < calls; c++) k.axpy(1e-9, hidden, 0, matrix, rowOrder[c & 4095]!, dim);
      return matrix[0]!;
    },
  },
  {
    name: 'logistic step, 3 kernel calls',
    flops: 6 * dim,
    run(k, calls) {
      let sum = 0;
      for (let c = 0; c < calls; c++) sum += threeCallStep(k, rowOrder[c & 4095]!, c & 1);
      return sum;
    },
  },
  {
    name: 'logistic step, fused `logisticStep`',
    flops: 6 * dim,
    run(k, calls) {
      let sum = 0;
      for (let c = 0; c < calls; c++) {
        sum += k.logisticStep(
          hidden,
          0,
          matrix,
          rowOrder[c & 4095]!,
          gradient,
          0,
          dim,
          c & 1,
          0.001,
          sigmoid,
        );
      }
      return sum;
    },
  },
];

/** GFLOP/s of one timed round of about `roundMs` milliseconds. */
function measure(
  kase: Case,
  kernels: VectorKernels,
  callsPerMs: number,
): { gflops: number; callsPerMs: number } {
  const calls = Math.max(1000, Math.round(callsPerMs * roundMs));
  const start = performance.now();
  const sink = kase.run(kernels, calls);
  const ms = performance.now() - start;
  if (Number.isNaN(sink)) throw new Error(`${kase.name}: NaN`);
  return { gflops: (kase.flops * calls) / ms / 1e6, callsPerMs: calls / ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const lines = [
  `Kernels at dim ${dim}: median of ${rounds} interleaved rounds of ~${roundMs} ms each (Node ${process.versions.node}).`,
  '',
  '| kernel | TypeScript GFLOP/s | Wasm SIMD GFLOP/s | Wasm / TS |',
  '| --- | ---: | ---: | ---: |',
];
for (const kase of cases) {
  const speed = { ts: [] as number[], wasm: [] as number[] };
  const rate = { ts: 1000, wasm: 1000 };
  // One warm-up round each (JIT, calibration), then the measured rounds, alternating.
  for (let round = -1; round < rounds; round++) {
    for (const [key, kernels] of [
      ['ts', tsKernels],
      ['wasm', wasm],
    ] as const) {
      const result = measure(kase, kernels, rate[key]);
      rate[key] = result.callsPerMs;
      if (round >= 0) speed[key].push(result.gflops);
    }
  }
  const ts = median(speed.ts);
  const fast = median(speed.wasm);
  lines.push(`| ${kase.name} | ${ts.toFixed(2)} | ${fast.toFixed(2)} | ${(fast / ts).toFixed(2)}x |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
