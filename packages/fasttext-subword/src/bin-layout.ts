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
