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

/**
 * fastText's hash of a string's UTF-8 bytes, an unsigned 32-bit integer. The bytes are produced
 * on the fly, as `TextEncoder` writes them (a lone surrogate as U+FFFD), without allocating.
 */
export function fastTextHash(text: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      h = fastTextHashStep(h, code);
      continue;
    }
    if (code < 0x800) {
      h = fastTextHashStep(h, 0xc0 | (code >> 6));
      h = fastTextHashStep(h, 0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        h = fastTextHashStep(h, 0xf0 | (code >> 18));
        h = fastTextHashStep(h, 0x80 | ((code >> 12) & 0x3f));
        h = fastTextHashStep(h, 0x80 | ((code >> 6) & 0x3f));
        h = fastTextHashStep(h, 0x80 | (code & 0x3f));
        continue;
      }
      code = 0xfffd;
    }
    h = fastTextHashStep(h, 0xe0 | (code >> 12));
    h = fastTextHashStep(h, 0x80 | ((code >> 6) & 0x3f));
    h = fastTextHashStep(h, 0x80 | (code & 0x3f));
  }
  return h;
}
