/**
 * Typed arrays in shared memory: what the weights and the encoded corpus must live in for worker
 * threads to train on them together.
 */

/** A zero-filled `Float32Array` of `length` floats over a new `SharedArrayBuffer`. */
export function sharedFloat32Array(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(4 * length));
}

/** Whether `array` is a view of a `SharedArrayBuffer`. */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

/** `array` itself when it is already shared, else a copy of it in shared memory. */
export function shareInt32Array(array: Int32Array): Int32Array {
  if (isShared(array)) return array;
  const copy = new Int32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** `array` itself when it is already shared, else a copy of it in shared memory. */
export function shareFloat32Array(array: Float32Array): Float32Array {
  if (isShared(array)) return array;
  const copy = sharedFloat32Array(array.length);
  copy.set(array);
  return copy;
}
