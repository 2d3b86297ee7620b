/** Test helper: vector files built by hand. */

export { concat, utf8 } from '#test-utils/bytes.js';

/** Little-endian float32 bytes of `values`. */
export function float32Bytes(...values: number[]): Uint8Array {
  const out = new Uint8Array(4 * values.length);
  const view = new DataView(out.buffer);
  for (const [i, v] of values.entries()) view.setFloat32(4 * i, v, true);
  return out;
}
