import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  allocateFloat32,
  inKernelMemory,
  kernelMemory,
  kernels,
  tsKernels,
  useKernels,
  wasmKernels,
} from '../kernels-entry.js';
import type { KernelWorkerData, KernelWorkerReport } from './fixtures/kernel-worker.js';

/** Runs fixtures/kernel-worker.ts (through tsx, since Node 20 does not load TypeScript itself). */
function runWorker(data: KernelWorkerData, onlineSignal: () => void): Promise<KernelWorkerReport> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const script = fileURLToPath(new URL('./fixtures/kernel-worker.ts', import.meta.url));
  const worker = new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(script)});`,
    {
      eval: true,
      workerData: data,
    },
  );
  return new Promise((resolve, reject) => {
    worker.on('message', (report: KernelWorkerReport) => {
      resolve(report);
      void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('online', onlineSignal);
  });
}

describe('a worker thread attached to the kernel memory', () => {
  it('runs the Wasm kernels on the same weights, and allocates from the same heap', async () => {
    useKernels(wasmKernels());
    const dim = 100;
    const early = allocateFloat32(dim);
    allocateFloat32(1 << 20); // 4 MiB: the memory grows, so early and late have different buffer objects
    const late = allocateFloat32(dim);
    for (let i = 0; i < dim; i++) {
      early[i] = Math.sin(i);
      late[i] = Math.cos(i);
    }
    const lateBefore = late.slice();
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const allocations = 300;
    const memory = kernelMemory();
    expect(memory).not.toBeNull();

    const mine: Array<[number, number]> = [];
    const report = await runWorker({ memory: memory!, early, late, flags, allocations }, () => {
      // Allocate at the same time as the worker: wait (spinning; the main thread cannot block) until
      // it is ready, release it, and allocate as many blocks as it does.
      const deadline = Date.now() + 60_000;
      const spin = () => {
        if (Atomics.load(flags, 0) === 0 && Date.now() < deadline) {
          setImmediate(spin);
          return;
        }
        Atomics.store(flags, 1, 1);
        Atomics.notify(flags, 1);
        for (let i = 0; i < allocations; i++) {
          const block = allocateFloat32(1 + ((i * 53) % 200));
          mine.push([block.byteOffset, block.byteLength]);
        }
      };
      spin();
    });

    expect(report.name).toBe('wasm-simd');
    expect(report.inMemory).toEqual([true, true, true]);
    expect(report.dot).toBeCloseTo(tsKernels.dot(early, 0, lateBefore, 0, dim), 4);
    // The worker's axpy changed the main thread's array in place.
    const expected = lateBefore.slice();
    tsKernels.axpy(2, early, 0, expected, 0, dim);
    for (let i = 0; i < dim; i++) expect(late[i]).toBeCloseTo(expected[i]!, 5);
    // The array the worker allocated is in the same memory: the main thread runs Wasm on it.
    expect(inKernelMemory(report.own)).toBe(true);
    expect(kernels().dot(report.own, 0, early, 0, dim)).toBeCloseTo(7 * early.reduce((a, b) => a + b, 0), 3);
    // Blocks both threads allocated at the same time never overlap.
    const all = [
      ...mine,
      ...report.blocks,
      [report.own.byteOffset, report.own.byteLength] as [number, number],
    ];
    all.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < all.length; i++)
      expect(all[i]![0]).toBeGreaterThanOrEqual(all[i - 1]![0] + all[i - 1]![1]);
    expect(mine.length).toBe(allocations);
  });
});
