/**
 * fastText's string hash: 32-bit FNV-1a in which every byte is sign-extended before the XOR
 * (fastText hashes `int8_t` chars, so bytes >= 0x80 are XORed as 0xFFFFFFxx). Models trained by
 * fastText depend on this exact variant.
 */

/** FNV-1a offset basis. */
export const FNV_OFFSET_BASIS = 2166136261;
const FNV_PRIME = 16777619;

/**
 * Extends a running fastText hash `h` by one byte (sign-extended like a C `int8_t`).
 * Start from {@link FNV_OFFSET_BASIS}; the result is an unsigned 32-bit integer.
 */
export function fastTextHashStep(h: number, byte: number): number {
  return Math.imul(h ^ ((byte << 24) >> 24), FNV_PRIME) >>> 0;
}

/** fastText's hash of `bytes[start..end)` (`Dictionary::hash`), an unsigned 32-bit integer. */
export function fastTextHashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = start; i < end; i++) h = fastTextHashStep(h, bytes[i]!);
  return h;
}

const encoder = new TextEncoder();

/** fastText's hash of a string's UTF-8 bytes, an unsigned 32-bit integer. */
export function fastTextHash(text: string): number {
  return fastTextHashBytes(encoder.encode(text));
}
