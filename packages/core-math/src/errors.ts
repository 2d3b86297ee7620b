/**
 * The embedkit error family. Every error thrown on purpose by an embedkit package derives from
 * {@link EmbeddingError} and carries a stable machine-readable `code`; only `apps/cli` turns
 * them into exit codes.
 */

/** Stable codes of the embedkit error family. */
export type EmbeddingErrorCode =
  | 'FORMAT'
  | 'CONFIG'
  | 'EMPTY_VOCABULARY'
  | 'DIMENSION_MISMATCH'
  | 'NUMERIC'
  | 'KEY_NOT_FOUND'
  | 'CANCELLED'
  | 'IO';

/** Base class of every error embedkit throws on purpose. */
export class EmbeddingError extends Error {
  /** A stable code that identifies the kind of error. */
  readonly code: EmbeddingErrorCode;

  constructor(code: EmbeddingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Where in a file a problem was found: a 1-based line for text formats, a byte offset for binary ones. */
export interface FileLocation {
  /** The file's path, or a description such as `<buffer>` for in-memory input. */
  readonly file: string;
  /** 1-based line number (text formats). */
  readonly line?: number;
  /** 0-based byte offset (binary formats, or text where no line is known). */
  readonly offset?: number;
}

function describeLocation(location: FileLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.offset !== undefined) parts.push(`byte ${location.offset}`);
  return parts.join(', ');
}

/** A file (or buffer) does not hold what its format requires. */
export class FormatError extends EmbeddingError {
  /** The file, and the line or byte offset, where the problem is. */
  readonly location: FileLocation;
  /** What the reader expected to find there. */
  readonly expected: string;

  constructor(location: FileLocation, expected: string, found?: string) {
    super(
      'FORMAT',
      `${describeLocation(location)}: expected ${expected}${found === undefined ? '' : `, found ${found}`}`,
    );
    this.location = location;
    this.expected = expected;
  }
}

/** An option has a value outside its allowed range, or options contradict each other. */
export class ConfigError extends EmbeddingError {
  /** The option's name as the user spells it (e.g. `dim`, `minCount`). */
  readonly option: string;
  /** The value that was given. */
  readonly value: unknown;
  /** A human-readable description of what is allowed (e.g. `an integer from 1 to 10000`). */
  readonly allowed: string;

  constructor(option: string, value: unknown, allowed: string) {
    super('CONFIG', `option ${option}: got ${formatValue(value)}, expected ${allowed}`);
    this.option = option;
    this.value = value;
    this.allowed = allowed;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** No word survived the vocabulary's `minCount` / `maxVocab` filters. */
export class EmptyVocabularyError extends EmbeddingError {
  /** Tokens read from the corpus. */
  readonly tokensSeen: number;
  /** Distinct words read from the corpus. */
  readonly distinctWords: number;
  /** The minimum count that was applied. */
  readonly minCount: number;

  constructor(tokensSeen: number, distinctWords: number, minCount: number) {
    super(
      'EMPTY_VOCABULARY',
      tokensSeen === 0
        ? 'the corpus is empty: no token was read'
        : `the vocabulary is empty: ${tokensSeen} tokens (${distinctWords} distinct words) were read but none occurs at least minCount=${minCount} times; lower minCount or use a larger corpus`,
    );
    this.tokensSeen = tokensSeen;
    this.distinctWords = distinctWords;
    this.minCount = minCount;
  }
}

/** Two vectors, or a vector and a model, have different dimensions. */
export class DimensionMismatchError extends EmbeddingError {
  /** The dimension that was required. */
  readonly expected: number;
  /** The dimension that was given. */
  readonly actual: number;

  constructor(expected: number, actual: number, what = 'vector') {
    super('DIMENSION_MISMATCH', `${what} has dimension ${actual}, expected ${expected}`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A computation produced a non-finite value (training diverged, or the input held NaN/Infinity). */
export class NumericError extends EmbeddingError {
  constructor(message: string) {
    super('NUMERIC', message);
  }
}

/** A word (or key) that a query needs is not in the model. */
export class KeyNotFoundError extends EmbeddingError {
  /** The missing key. */
  readonly key: string;

  constructor(key: string, where = 'the vocabulary') {
    super('KEY_NOT_FOUND', `word ${JSON.stringify(key)} is not in ${where}`);
    this.key = key;
  }
}

/** Work was stopped through an `AbortSignal`. */
export class CancelledError extends EmbeddingError {
  constructor(what = 'the operation') {
    super('CANCELLED', `${what} was cancelled`);
  }
}

/** Reading or writing a file failed for a reason outside the file's content (permissions, full disk). */
export class IoError extends EmbeddingError {
  /** The file involved. */
  readonly file: string;

  constructor(file: string, message: string, cause?: unknown) {
    super('IO', `${file}: ${message}`, { cause });
    this.file = file;
  }
}

/** Type guard: is `error` one of embedkit's errors (optionally with the given code)? */
export function isEmbeddingError(error: unknown, code?: EmbeddingErrorCode): error is EmbeddingError {
  return error instanceof EmbeddingError && (code === undefined || error.code === code);
}

/** Throws {@link CancelledError} when `signal` is aborted; a cheap check for loops. */
export function throwIfAborted(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) throw new CancelledError(what);
}
