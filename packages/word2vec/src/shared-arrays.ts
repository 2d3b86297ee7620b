import { allocateFloat32 } from '@embedkit/core-math/kernels';

/**
 * Typed arrays in shared memory: what the weights and the encoded corpus must live in for worker
 * threads to train on them together.
 */

/**
 * A zero-filled `Float32Array` of `length` floats for engine weights: core-math's
 * `allocateFloat32`, so it lives in the kernels' shared memory when the WebAssembly kernels run
 * (they then work on it at full speed) and in a `SharedArrayBuffer` otherwise. Give it back with
 * core-math's `releaseArray` when it is no longer used.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function sharedFloat32Array(length: number): Float32Array {
  return allocateFloat32(length);
}

/** Whether this runtime has `SharedArrayBuffer` (a browser page has it only when cross-origin isolated). */
function sharedMemoryAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function';
}

/**
 * Whether the workers can share `array`: it is a view of a `SharedArrayBuffer`, or the runtime has
 * none (then there is one worker, in the calling thread, and any buffer will do).
 */
export function isShared(array: ArrayBufferView): boolean {
  return !sharedMemoryAvailable() || array.buffer instanceof SharedArrayBuffer;
}

/** A zero-filled buffer of `bytes` bytes the workers share: a `SharedArrayBuffer` where the runtime has one. */
export function sharedBuffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
  return sharedMemoryAvailable() ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * `array` itself when it is already shared, else a copy of it in shared memory.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function shareInt32Array(array: Int32Array): Int32Array {
  if (isShared(array)) return array;
  const copy = new Int32Array(sharedBuffer(array.byteLength));
  copy.set(array);
  return copy;
}
