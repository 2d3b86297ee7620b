import { ConfigError } from './errors.js';
import { MAX_BLOCK_BYTES } from './kernel-heap.js';
import { activeWasmKernels, threadWasmKernels } from './kernel-selection.js';

/** The most elements {@link allocateFloat32} and {@link allocateInt32} accept (4 GiB of 4-byte values). */
const MAX_LENGTH = Math.floor(MAX_BLOCK_BYTES / 4);

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < 0 || length > MAX_LENGTH) {
    throw new ConfigError('length', length, `an integer from 0 to ${MAX_LENGTH}`);
  }
}

/** Where an array of `bytes` bytes lives: its buffer and byte offset. */
function place(bytes: number): { buffer: ArrayBufferLike; offset: number } {
  const wasm = activeWasmKernels();
  if (wasm !== undefined) {
    const offset = wasm.heap.allocate(bytes);
    return { buffer: wasm.heap.buffer(offset + bytes), offset };
  }
  const shared = typeof SharedArrayBuffer === 'function';
  return { buffer: shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), offset: 0 };
}

/**
 * A zero-filled `Float32Array` of `length` floats that the kernels in use run on at full speed
 * and that worker threads can share: with the Wasm kernels, a view of their shared memory (post
 * it together with {@link kernelMemory}); otherwise over a new `SharedArrayBuffer` (an
 * `ArrayBuffer` where the runtime has none). Allocate weights and scratch vectors once per run,
 * never per word; give them back with {@link releaseArray}.
 *
 * @throws ConfigError when `length` is not an integer from 0 to 2^30 - 20, or the kernel memory
 *   cannot grow enough
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function allocateFloat32(length: number): Float32Array {
  checkLength(length);
  const { buffer, offset } = place(4 * length);
  return new Float32Array(buffer, offset, length);
}

/**
 * A zero-filled `Int32Array` of `length` integers, placed like {@link allocateFloat32} (for
 * tables a Wasm kernel or a worker thread reads next to the weights).
 *
 * @throws ConfigError when `length` is out of range or the kernel memory cannot grow enough
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function allocateInt32(length: number): Int32Array {
  checkLength(length);
  const { buffer, offset } = place(4 * length);
  return new Int32Array(buffer, offset, length);
}

/**
 * Gives an array from {@link allocateFloat32} or {@link allocateInt32} back, so later allocations
 * can reuse its bytes in the kernel memory (which never shrinks). Any thread attached to the memory
 * may release it, whichever kernels it uses now; no view of it may be used afterwards. Arrays
 * outside this thread's kernel memory are left to the garbage collector: this does nothing for them.
 *
 * @throws ConfigError when `array` is in the kernel memory but is not an allocated array (a
 *   subarray, or one released already)
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function releaseArray(array: Float32Array | Int32Array): void {
  const wasm = threadWasmKernels();
  if (wasm?.holds(array)) wasm.heap.release(array.byteOffset, array.byteLength);
}

/**
 * Whether the kernels in use run on `array` in WebAssembly (it is a view of their memory). With
 * {@link tsKernels} this is always `false`. Useful to assert that a trainer's arrays are on the
 * fast path.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function inKernelMemory(array: ArrayBufferView): boolean {
  return activeWasmKernels()?.holds(array) ?? false;
}
