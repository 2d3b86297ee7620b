/** The checks a writer makes before putting a word in a file. */
import { ConfigError } from '@embedkit/core-math';
import { MAX_WORD_BYTES } from './record-limits.js';
import type { VectorFormat } from './vector-format.js';

/** The longest part of a refused word an error message quotes. */
const MAX_SHOWN = 40;

/** A lone UTF-16 surrogate cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Throws {@link ConfigError} unless `word` can be written in `format` and read back unchanged:
 * it must be non-empty, well-formed Unicode, and free of spaces and line breaks (the separators of
 * every format). A byte-order mark cannot start the first word of a headerless (GloVe) file, since
 * readers skip it there.
 */
export function checkWritableWord(word: string, format: VectorFormat, first: boolean): void {
  let problem: string | undefined;
  if (word.length === 0) problem = 'non-empty words';
  else if (word.includes(' ') || word.includes('\n')) problem = 'words without spaces or line breaks';
  else if (word.length > MAX_WORD_BYTES / 3 && new TextEncoder().encode(word).length > MAX_WORD_BYTES) {
    problem = `words of at most ${MAX_WORD_BYTES} bytes in UTF-8 (the longest the readers accept)`;
  } else if (LONE_SURROGATE.test(word)) problem = 'well-formed Unicode words (this one has a lone surrogate)';
  else if (first && format === 'glove' && word.charCodeAt(0) === 0xfeff) {
    problem = 'a first word that does not start with a byte-order mark (U+FEFF) in a GloVe file';
  }
  if (problem === undefined) return;
  const shown = word.length > MAX_SHOWN ? `${word.slice(0, MAX_SHOWN)}…` : word;
  throw new ConfigError('vectors', shown, `${problem} to write ${format}`);
}
