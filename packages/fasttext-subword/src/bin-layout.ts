/** fastText's `.bin` magic number (`FASTTEXT_FILEFORMAT_MAGIC_INT32`), the file's first int32. */
export const FASTTEXT_MAGIC = 793712314;

/** The `.bin` version fastText 0.9.x writes (12); version 11 files load the same way. */
export const FASTTEXT_VERSION = 12;

/** Bytes of the argument block (12 int32 fields and the float64 `t`). */
export const ARGS_BYTES = 12 * 4 + 8;

/** Smallest dictionary entry: an empty word's NUL, an int64 count and an int8 type. */
export const MIN_ENTRY_BYTES = 10;

/** fastText's dictionary entry type of a word. */
export const ENTRY_WORD = 0;

/** fastText's dictionary entry type of a label. */
export const ENTRY_LABEL = 1;

/** Offset of the model code from the start of the argument block (the 8th int32). */
export const MODEL_CODE_AT = 28;

/** The largest vector dimension a reader accepts (a larger one is taken for a corrupt header). */
export const MAX_DIM = 1_000_000;

/** Bytes {@link looksLikeFastTextBin} needs: the old layout's first eight int32 fields. */
export const FASTTEXT_SNIFF_BYTES = 32;

/**
 * Whether the first bytes of a file are those of a fastText `.bin`: the magic number, or (for the
 * layout fastText wrote before May 2017, without magic and version) a plausible dimension and
 * window followed by a loss code (1–4) and a model code (1–3) where the old layout keeps them. No
 * text file passes: four text bytes read as an int32 are far above any dimension.
 */
export function looksLikeFastTextBin(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const first = view.getInt32(0, true);
  if (first === FASTTEXT_MAGIC) return true;
  if (head.length < FASTTEXT_SNIFF_BYTES || first < 1 || first > MAX_DIM) return false;
  const ws = view.getInt32(4, true);
  const loss = view.getInt32(24, true);
  const model = view.getInt32(MODEL_CODE_AT, true);
  return ws >= 1 && ws <= MAX_DIM && loss >= 1 && loss <= 4 && model >= 1 && model <= 3;
}
