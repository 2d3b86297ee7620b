/**
 * The few pieces of Python's string semantics that gensim's evaluation code relies on, so that
 * files are split, stripped and parsed exactly as `KeyedVectors.evaluate_word_*` does.
 */

/** Python's `str.isspace()` characters (`str.split()` / `str.strip()` without arguments). */
const PYTHON_SPACE =
  '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN = new RegExp(`[${PYTHON_SPACE}]+`);
const EDGE_SPACE = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'g');
const BLANK = new RegExp(`^[${PYTHON_SPACE}]*$`);

/** Python's `s.split()`: fields separated by runs of whitespace, no empty fields. */
export function splitWhitespace(s: string): string[] {
  const fields = s.split(SPACE_RUN);
  if (fields.length > 0 && fields[0] === '') fields.shift();
  if (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** Python's `s.strip()`. */
export function stripWhitespace(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

/** Whether `s` holds nothing but Python whitespace. */
export function isBlank(s: string): boolean {
  return BLANK.test(s);
}

const DIGITS = '\\d(?:_?\\d)*';
const PYTHON_FLOAT = new RegExp(
  `^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)$`,
  'i',
);

/**
 * Python's `float(s)` for a string: surrounding whitespace is ignored, digits may be grouped
 * with single underscores, `inf`/`infinity`/`nan` in any case are accepted. Returns `undefined`
 * where Python raises `ValueError` (JavaScript's `Number()` accepts `''`, `0x10` and rejects
 * `1_0`, so it cannot be used directly).
 */
export function parsePythonFloat(s: string): number | undefined {
  const text = stripWhitespace(s);
  if (!PYTHON_FLOAT.test(text)) return undefined;
  const lower = text.toLowerCase();
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) {
    return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return Number(text.replaceAll('_', ''));
}
