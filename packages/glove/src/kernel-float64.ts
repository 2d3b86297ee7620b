import { allocateFloat32 } from '@embedkit/core-math/kernels';

/**
 * A zero-filled `Float64Array` of `length` values in the kernel memory (where `allocateFloat32`
 * places arrays), and the block to give back with `releaseArray`. The counting stores live there so
 * that, once released, the training entries reuse their bytes: the kernel memory never shrinks, and
 * a garbage-collected array could still be resident when the entries are allocated.
 */
export function allocateFloat64(length: number): { values: Float64Array; block: Float32Array } {
  const block = allocateFloat32(2 * length);
  return { values: new Float64Array(block.buffer, block.byteOffset, length), block };
}
