/**
 * The most floats the reader lets one `Float32Array` hold in a browser (`#array-limits` under the
 * `browser` condition): 2^31, which Chromium 156 allocates (measured 2026-12-03:
 * `new Float32Array(2 ** 31)` succeeds in headless Chromium). A corrupt header that claims more is
 * refused before anything is allocated.
 */
export const MAX_FLOAT32_LENGTH = 2 ** 31;
